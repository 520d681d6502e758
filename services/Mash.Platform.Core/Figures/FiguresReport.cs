using System.Text;
using Mash.Contracts.Figures.V1;
using static Mash.Platform.Figures.FigureFormat;

namespace Mash.Platform.Figures;

/// <summary>
/// The partnership's figures (mash.figures.v1.PartnershipFigures) as one self-contained HTML page, for a safeguarding
/// partnership's board or an inspector: inline CSS and SVG, no script, no external address, printable. Every value
/// names its proto field in <c>data-figure</c>, so tests (and anyone checking) can compare the page with the call.
/// </summary>
/// <remarks>
/// Pure (the same figures always give the same page) and free of the platform's dependencies: the gateway serves it
/// (GET /v1/figures/report) and the CLI compiles the same files in (<c>report</c>), so both draw the same page.
/// </remarks>
public static class FiguresReport
{
    public static string Render(PartnershipFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var area = figures.Area.Length > 0 ? figures.Area : "(the node's area)";
        var page = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append($"<title>Partnership figures: {Encode(area)}, {Encode(Utc(figures.From))} to {Encode(Utc(figures.To))}</title>")
            .Append("<style>").Append(ReportStyle.Css).Append("</style></head><body>");
        Header(page, figures);
        page.Append("<main>");
        FrontDoorSections.Write(page, figures);
        ChildrenSections.Write(page, figures);
        CustodySection.Write(page, figures.Custody);
        InvestigationSection.Write(page, figures.Investigations);
        EncompassSection.Write(page, figures.Encompass);
        page.Append("</main><footer><p>Counts and times only: no child, practitioner or record is named in these figures. ")
            .Append("Made from mash.figures.v1.GetPartnershipFigures; each value's field is in its data-figure attribute.</p></footer>")
            .Append("</body></html>\n");
        return page.ToString();
    }

    /// <summary>A section with its heading, or a note that no service gave it, so a gap is never read as zeros.</summary>
    internal static void Section<TPart>(StringBuilder page, string id, string heading, TPart? part, Action<StringBuilder, TPart> body)
        where TPart : class
    {
        page.Append($"<section id=\"{id}\" aria-labelledby=\"{id}-h\"><h2 id=\"{id}-h\">{Encode(heading)}</h2>");
        if (part is not null)
        {
            body(page, part);
        }
        else
        {
            page.Append("<p class=\"none\">Not in these figures: no service gave this section.</p>");
        }

        page.Append("</section>");
    }

    private static void Header(StringBuilder page, PartnershipFigures figures)
    {
        page.Append("<header><h1>Multi-agency safeguarding: partnership figures</h1><dl class=\"period\">")
            .Append($"<dt>Area</dt><dd data-figure=\"area\">{Encode(figures.Area)}</dd>")
            .Append($"<dt>Node</dt><dd data-figure=\"node\">{Encode(figures.Node)}</dd>")
            .Append($"<dt>From</dt><dd><time datetime=\"{Iso(figures.From)}\">{Encode(Utc(figures.From))}</time></dd>")
            .Append($"<dt>To (not included)</dt><dd><time datetime=\"{Iso(figures.To)}\">{Encode(Utc(figures.To))}</time></dd>")
            .Append($"<dt>Produced</dt><dd><time datetime=\"{Iso(figures.ProducedAt)}\">{Encode(Utc(figures.ProducedAt))}</time></dd>")
            .Append("<dt>Services that answered</dt><dd>")
            .AppendJoin(", ", figures.Services.Select((s, i) => $"<span data-figure=\"services[{i}]\">{Encode(s)}</span>"))
            .Append("</dd></dl></header>");
    }
}
