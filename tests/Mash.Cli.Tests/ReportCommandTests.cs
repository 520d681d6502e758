using Mash.Cli.Tests.Support;
using Mash.Contracts.Figures.V1;
using Mash.Platform.Figures;

namespace Mash.Cli.Tests;

/// <summary>What <c>report</c> would ask the gateway for, and the page it writes.</summary>
public sealed class ReportCommandTests
{
    [Fact]
    public async Task Report_asks_for_whole_local_days_with_to_included_and_the_area()
    {
        var sent = (await CliInProcess.RunAsync("report", "--from", "2026-01-01", "--to", "2026-12-31", "--area", " Leeds "))
            .Sent((ReportCommand c, CommandContext x) => c.Request(x, new DateOnly(2027, 3, 1)));

        Assert.Equal(Local.Time("2026-01-01 00:00"), sent.From);
        Assert.Equal(Local.Time("2027-01-01 00:00"), sent.To);
        Assert.Equal("Leeds", sent.Area);
    }

    [Fact]
    public async Task Without_dates_report_asks_for_the_last_12_months_to_today_and_the_nodes_area()
    {
        var sent = (await CliInProcess.RunAsync("report")).Sent((ReportCommand c, CommandContext x) => c.Request(x, new DateOnly(2026, 5, 15)));

        Assert.Equal(Local.Time("2025-05-16 00:00"), sent.From);
        Assert.Equal(Local.Time("2026-05-16 00:00"), sent.To);
        Assert.Equal("", sent.Area);
    }

    [Fact]
    public async Task Only_to_given_takes_the_12_months_before_it()
    {
        var sent = (await CliInProcess.RunAsync("report", "--to", "2026-03-31")).Sent((ReportCommand c, CommandContext x) => c.Request(x, new DateOnly(2027, 1, 1)));

        Assert.Equal(Local.Time("2025-04-01 00:00"), sent.From);
        Assert.Equal(Local.Time("2026-04-01 00:00"), sent.To);
    }

    [Fact]
    public async Task A_period_ending_before_it_starts_is_a_usage_error_before_any_call()
    {
        var run = await CliInProcess.RunAgainstNothingAsync("report", "--from", "2026-06-01", "--to", "2026-05-31");

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.StartsWith("error: --from (2026-06-01) must not be after --to (2026-05-31)", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_not_written_yyyy_mm_dd_is_a_usage_error_naming_the_option()
    {
        var run = await CliInProcess.RunAsync("report", "--from", "01/06/2026");

        Assert.Equal("--from must be a date written YYYY-MM-DD (got '01/06/2026')", run.Error);
    }

    [Fact]
    public async Task Report_writes_the_rendered_page_to_out_and_says_where()
    {
        var file = Path.Combine(Path.GetTempPath(), $"mash-report-{Guid.NewGuid():N}.html");
        var figures = new PartnershipFigures { Area = "Leeds", Cse = new CseFigures { Raised = 12 } };
        try
        {
            var run = await CliInProcess.RunAsync("report", "--out", file);
            var command = Assert.IsType<ReportCommand>(run.Command);

            Assert.Equal(CliApp.Ok, await command.WriteAsync(run.Context!, figures));

            var page = await File.ReadAllTextAsync(file);
            Assert.Equal(FiguresReport.Render(figures), page);
            Assert.Contains("data-figure=\"cse.raised\">12<", page, StringComparison.Ordinal);
            Assert.Equal($"Wrote {file}", run.Context!.Out.ToString()!.Trim());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Report_writes_figures_report_html_unless_told_otherwise()
    {
        var run = await CliInProcess.RunAsync("report");

        Assert.Equal("figures-report.html", Assert.IsType<ReportCommand>(run.Command).OutputFile(run.Context!));
    }
}
