using System.Text;
using static Mash.Platform.Figures.FigureFormat;

namespace Mash.Platform.Figures;

/// <summary>
/// One value cell. A figure names its proto field path in <c>data-figure</c> ("cse.raised",
/// "referrals.stages[0].on_time", "custody.by_legal_status[REMANDED]") so the page can be checked against the call;
/// a derived value (a rate, a difference) has no path, because no field holds it.
/// </summary>
internal readonly record struct FigureCell(string Text, string? Path)
{
    public static FigureCell Of(string path, long value) => new(Count(value), path);

    public static FigureCell Of(string path, double value) => new(Decimal(value), path);

    public static FigureCell Derived(string text) => new(text, null);

    public string Html => Path is null
        ? $"<td class=\"num derived\">{Encode(Text)}</td>"
        : $"<td class=\"num\" data-figure=\"{Encode(Path)}\">{Encode(Text)}</td>";
}

/// <summary>A table of figures: a caption, a row header per row, value cells; "none" when it has no rows.</summary>
internal sealed class FigureTable
{
    private readonly StringBuilder _html = new();
    private readonly int _columns;
    private int _rows;

    public FigureTable(string caption, params string[] columns)
    {
        _columns = columns.Length;
        _html.Append("<table><caption>").Append(Encode(caption)).Append("</caption><thead><tr>");
        for (var i = 0; i < columns.Length; i++)
        {
            _html.Append(i == 0 ? "<th scope=\"col\">" : "<th scope=\"col\" class=\"num\">").Append(Encode(columns[i])).Append("</th>");
        }

        _html.Append("</tr></thead><tbody>");
    }

    public FigureTable Row(string label, params FigureCell[] cells)
    {
        _rows++;
        _html.Append("<tr><th scope=\"row\">").Append(Encode(label)).Append("</th>");
        foreach (var cell in cells)
        {
            _html.Append(cell.Html);
        }

        _html.Append("</tr>");
        return this;
    }

    public override string ToString()
    {
        var none = _rows == 0 ? $"<tr><td colspan=\"{_columns}\" class=\"none\">None in the period.</td></tr>" : "";
        return _html + none + "</tbody></table>";
    }
}
