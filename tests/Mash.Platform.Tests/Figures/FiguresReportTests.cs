using System.Text.RegularExpressions;
using Mash.Contracts.Figures.V1;
using Mash.Platform.Figures;

namespace Mash.Platform.Tests.Figures;

/// <summary>The figures report: the page shows the call's values, each under its field's name, and nothing from outside it.</summary>
public sealed partial class FiguresReportTests
{
    private static readonly string[] Charts =
    [
        "chart-referrals-by-month", "chart-referral-stages", "chart-strategy-by-month", "chart-strategy-on-time", "chart-strategy-minutes",
        "chart-cse-by-month", "chart-custody-accommodation", "chart-device-backlog", "chart-audit-grades", "chart-encompass",
    ];

    [Fact]
    public void Every_figure_on_the_page_is_the_value_of_the_field_it_names()
    {
        var figures = SeededFigures.Create();

        var shown = ReportPage.Figures(FiguresReport.Render(figures));

        Assert.True(shown.Count > 100, $"only {shown.Count} figures on the page");
        Assert.All(shown, figure => Assert.True(ReportPage.Shows(ReportPage.Resolve(figures, figure.Path), figure.Text),
            $"{figure.Path} shows '{figure.Text}', the call says {ReportPage.Resolve(figures, figure.Path)}"));
    }

    [Fact]
    public void Every_number_in_the_call_is_on_the_page()
    {
        var figures = SeededFigures.Create();

        var shown = ReportPage.Figures(FiguresReport.Render(figures)).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);

        var missing = ReportPage.NumericLeaves(figures).Select(leaf => leaf.Path).Where(path => !shown.Contains(path)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void The_header_names_the_area_node_and_services_as_figures()
    {
        var shown = ReportPage.Figures(FiguresReport.Render(SeededFigures.Create())).ToDictionary(f => f.Path, f => f.Text);

        Assert.Equal("Leeds", shown["area"]);
        Assert.Equal("police-node", shown["node"]);
        Assert.Equal("strategy", shown["services[5]"]);
    }

    [Fact]
    public void A_hostile_area_or_node_name_is_shown_as_text_never_as_markup()
    {
        var figures = SeededFigures.Create();
        figures.Area = "<script>alert('x')</script> & \"Leeds\"";
        figures.Strategy.MinutesReceived[0].Node = "<img src=x onerror=alert(1)>";

        var html = FiguresReport.Render(figures);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Leeds&quot;", html, StringComparison.Ordinal);
        Assert.Equal(figures.Area, ReportPage.Figures(html).Single(f => f.Path == "area").Text);
    }

    [Fact]
    public void The_page_needs_nothing_from_a_network_and_runs_no_script()
    {
        var html = FiguresReport.Render(SeededFigures.Create());

        foreach (var outside in new[] { "http://", "https://", "<script", "<link", "<img", "<iframe", "url(", "@import", " src=", " href=" })
        {
            Assert.DoesNotContain(outside, html, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotMatch(@"\son[a-z]+\s*=", html);
    }

    [Fact]
    public void The_page_is_one_balanced_html_document_with_its_style_and_print_rules_inline()
    {
        var html = FiguresReport.Render(SeededFigures.Create());

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en-GB\">", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
        foreach (var once in new[] { "<html", "<head>", "</head>", "<body>", "</body>", "<main>", "<style>", "<meta charset=\"utf-8\">", "@media print" })
        {
            Assert.Single(Regex.Matches(html, Regex.Escape(once)));
        }

        Assert.Empty(UnbalancedTags(html));
        Assert.Equal(["referrals", "strategy", "cse", "assessments", "missing", "offenders", "custody", "investigations", "encompass"],
            SectionIds().Matches(html).Select(m => m.Groups[1].Value));
    }

    [Fact]
    public void Each_chart_has_a_title_and_a_description_of_its_data()
    {
        var html = FiguresReport.Render(SeededFigures.Create());

        Assert.Equal(Charts.Order(), SvgIds().Matches(html).Select(m => m.Groups[1].Value).Order());
        foreach (var chart in Charts)
        {
            Assert.Contains($"aria-labelledby=\"{chart}-title {chart}-desc\"", html, StringComparison.Ordinal);
            Assert.Matches($"<title id=\"{chart}-title\">[^<]+</title><desc id=\"{chart}-desc\">[^<]+</desc>", html);
        }

        Assert.Contains("Raised: 2026-01 3, 2026-02 4, 2026-03 5", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_chart_has_a_point_per_month_and_a_bar_chart_a_bar_per_value()
    {
        var html = FiguresReport.Render(SeededFigures.Create());

        Assert.Equal(12, Chart(html, "chart-cse-by-month").Split("<circle").Length - 1);
        Assert.Equal(12, Chart(html, "chart-device-backlog").Split("<circle").Length - 1);
        // Three stages by on time, late and overdue; and one legend swatch per series.
        Assert.Equal(9 + 3, Chart(html, "chart-referral-stages").Split("<rect").Length - 1);
        Assert.Equal(12 + 3, Chart(html, "chart-audit-grades").Split("<rect").Length - 1);
    }

    [Fact]
    public void A_section_no_service_gave_says_so_rather_than_showing_zeros()
    {
        var html = FiguresReport.Render(new PartnershipFigures { Area = "Leeds" });

        Assert.Equal(9, Regex.Count(html, "Not in these figures"));
        Assert.Equal(["area", "node"], ReportPage.Figures(html).Select(f => f.Path));
        Assert.Empty(UnbalancedTags(html));
    }

    [Fact]
    public void The_same_figures_always_give_the_same_page()
    {
        Assert.Equal(FiguresReport.Render(SeededFigures.Create()), FiguresReport.Render(SeededFigures.Create()));
    }

    private static string Chart(string html, string id)
    {
        var start = html.IndexOf($"<svg id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no chart {id}");
        return html[start..html.IndexOf("</svg>", start, StringComparison.Ordinal)];
    }

    /// <summary>Every element closed in order (void and self-closed elements aside): what a browser and a printer rely on.</summary>
    private static List<string> UnbalancedTags(string html)
    {
        var open = new Stack<string>();
        var problems = new List<string>();
        foreach (Match tag in Tag().Matches(html))
        {
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            if (tag.Groups["self"].Value == "/" || name is "meta" or "br")
            {
                continue;
            }

            if (tag.Groups["close"].Value != "/")
            {
                open.Push(name);
            }
            else if (!open.TryPop(out var last) || last != name)
            {
                problems.Add($"</{name}> closes <{last}>");
            }
        }

        problems.AddRange(open.Select(name => $"<{name}> not closed"));
        return problems;
    }

    [GeneratedRegex(@"<(?<close>/?)(?<name>[a-zA-Z][a-zA-Z0-9-]*)(?:\s[^>]*?)?(?<self>/?)>")]
    private static partial Regex Tag();

    [GeneratedRegex("<section id=\"([a-z-]+)\"")]
    private static partial Regex SectionIds();

    [GeneratedRegex("<svg id=\"([a-z-]+)\"")]
    private static partial Regex SvgIds();
}
