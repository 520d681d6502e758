using System.Text;
using static Mash.Platform.Figures.FigureFormat;

namespace Mash.Platform.Figures;

/// <summary>One line or one set of bars: its name for the legend, a value per label, and its colour.</summary>
internal sealed record ChartSeries(string Name, IReadOnlyList<double> Values, string Colour);

/// <summary>
/// Line and grouped-bar charts drawn as inline SVG, so the page needs no script, no network and no library. Each chart
/// has a title and a description (its data in words) for screen readers; the same data is in a table beside it.
/// </summary>
internal static class SvgCharts
{
    // Okabe-Ito colours: told apart with the common colour-vision deficiencies; every value is also in words and tables.
    public const string Blue = "#0072B2", Orange = "#E69F00", Vermillion = "#D55E00", Green = "#009E73", Purple = "#CC79A7", Sky = "#56B4E9";

    // Room on the right for half of the last time label, which is centred on the last point.
    private const int Width = 640, Height = 260, Left = 52, Right = 36, Top = 16, Bottom = 64;
    private const int PlotWidth = Width - Left - Right, PlotHeight = Height - Top - Bottom;

    /// <summary>At most this many x labels, so weekly trends over two years stay legible.</summary>
    private const int MaxXLabels = 12;

    public static string Line(string id, string title, IReadOnlyList<string> labels, params ChartSeries[] series)
    {
        var svg = Open(id, title, labels, series, out var scale);
        for (var s = 0; s < series.Length; s++)
        {
            var points = Enumerable.Range(0, labels.Count).Select(i => (X: LineX(i, labels.Count), Y: scale.Y(ValueAt(series[s], i)))).ToList();
            svg.Append($"<polyline fill=\"none\" stroke=\"{series[s].Colour}\" stroke-width=\"2\" points=\"")
                .AppendJoin(' ', points.Select(p => $"{Number(p.X)},{Number(p.Y)}")).Append("\"/>");
            for (var i = 0; i < points.Count; i++)
            {
                // A point's own title shows its value on hover, without a script.
                svg.Append($"<circle cx=\"{Number(points[i].X)}\" cy=\"{Number(points[i].Y)}\" r=\"3\" fill=\"{series[s].Colour}\">")
                    .Append($"<title>{Encode(labels[i])}: {Encode(series[s].Name)} {Number(ValueAt(series[s], i))}</title></circle>");
            }
        }

        XLabels(svg, labels, i => LineX(i, labels.Count));
        return Close(svg, series);
    }

    public static string Bars(string id, string title, IReadOnlyList<string> labels, params ChartSeries[] series)
    {
        var svg = Open(id, title, labels, series, out var scale);
        var group = labels.Count == 0 ? PlotWidth : (double)PlotWidth / labels.Count;
        var bar = group * 0.8 / Math.Max(1, series.Length);
        for (var i = 0; i < labels.Count; i++)
        {
            for (var s = 0; s < series.Length; s++)
            {
                var value = ValueAt(series[s], i);
                var x = Left + (i * group) + (group * 0.1) + (s * bar);
                var y = scale.Y(value);
                svg.Append($"<rect x=\"{Number(x)}\" y=\"{Number(y)}\" width=\"{Number(Math.Max(1, bar - 2))}\" height=\"{Number(Top + PlotHeight - y)}\" fill=\"{series[s].Colour}\">")
                    .Append($"<title>{Encode(labels[i])}: {Encode(series[s].Name)} {Number(value)}</title></rect>");
                if (bar >= 16)
                {
                    svg.Append($"<text x=\"{Number(x + ((bar - 2) / 2))}\" y=\"{Number(y - 3)}\" class=\"value\" text-anchor=\"middle\">{Number(value)}</text>");
                }
            }
        }

        XLabels(svg, labels, i => Left + ((i + 0.5) * group));
        return Close(svg, series);
    }

    /// <summary>The svg element, its title and description, and the value axis with its grid lines.</summary>
    private static StringBuilder Open(string id, string title, IReadOnlyList<string> labels, ChartSeries[] series, out ValueScale scale)
    {
        scale = ValueScale.For(series.SelectMany(s => s.Values));
        var svg = new StringBuilder()
            .Append($"<figure class=\"chart\"><svg id=\"{Encode(id)}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{Encode(id)}-title {Encode(id)}-desc\">")
            .Append($"<title id=\"{Encode(id)}-title\">{Encode(title)}</title>")
            .Append($"<desc id=\"{Encode(id)}-desc\">{Encode(Describe(labels, series))}</desc>");
        foreach (var tick in scale.Ticks)
        {
            var y = Number(scale.Y(tick));
            svg.Append($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y}\" y2=\"{y}\" class=\"grid\"/>")
                .Append($"<text x=\"{Left - 6}\" y=\"{y}\" dy=\"0.32em\" text-anchor=\"end\" class=\"axis\">{Number(tick)}</text>");
        }

        svg.Append($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Top + PlotHeight}\" y2=\"{Top + PlotHeight}\" class=\"baseline\"/>");
        if (labels.Count == 0)
        {
            svg.Append($"<text x=\"{Left + (PlotWidth / 2)}\" y=\"{Top + (PlotHeight / 2)}\" text-anchor=\"middle\" class=\"axis\">Nothing to show for the period</text>");
        }

        return svg;
    }

    /// <summary>The legend under the axis labels, and the figure's caption (the title, visible to sighted readers too).</summary>
    private static string Close(StringBuilder svg, ChartSeries[] series)
    {
        var x = (double)Left;
        foreach (var s in series)
        {
            svg.Append($"<rect x=\"{Number(x)}\" y=\"{Height - 16}\" width=\"12\" height=\"12\" fill=\"{s.Colour}\"/>")
                .Append($"<text x=\"{Number(x + 16)}\" y=\"{Height - 6}\" class=\"legend\">{Encode(s.Name)}</text>");
            x += 28 + (s.Name.Length * 6.5);
        }

        return svg.Append("</svg></figure>").ToString();
    }

    private static void XLabels(StringBuilder svg, IReadOnlyList<string> labels, Func<int, double> xOf)
    {
        var every = Math.Max(1, (int)Math.Ceiling(labels.Count / (double)MaxXLabels));
        for (var i = 0; i < labels.Count; i += every)
        {
            svg.Append($"<text x=\"{Number(xOf(i))}\" y=\"{Top + PlotHeight + 16}\" text-anchor=\"middle\" class=\"axis\">{Encode(Shorten(labels[i]))}</text>");
        }
    }

    /// <summary>The chart's data in words: what a screen reader says in place of the picture.</summary>
    private static string Describe(IReadOnlyList<string> labels, ChartSeries[] series) =>
        labels.Count == 0
            ? "No data for the period."
            : string.Join("; ", series.Select(s => $"{s.Name}: " + string.Join(", ", labels.Select((label, i) => $"{label} {Number(ValueAt(s, i))}")))) + ".";

    private static double LineX(int index, int count) => count <= 1 ? Left + (PlotWidth / 2.0) : Left + (index * (double)PlotWidth / (count - 1));

    private static double ValueAt(ChartSeries series, int index) =>
        index < series.Values.Count && double.IsFinite(series.Values[index]) ? Math.Max(0, series.Values[index]) : 0;

    /// <summary>Long node names would overlap their neighbours; the full name is in the bar's title and the table.</summary>
    private static string Shorten(string label) => label.Length <= 14 ? label : label[..13] + "…";

    /// <summary>The value axis: from 0 to a round top, in four or five round steps.</summary>
    private sealed record ValueScale(double Top, double Step)
    {
        public static ValueScale For(IEnumerable<double> values)
        {
            var max = values.Where(double.IsFinite).DefaultIfEmpty(0).Max();
            if (max <= 0)
            {
                return new ValueScale(1, 0.25);
            }

            var raw = max / 4;
            var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
            var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
            return new ValueScale(step * Math.Ceiling(max / step), step);
        }

        public IEnumerable<double> Ticks => Enumerable.Range(0, (int)Math.Round(Top / Step) + 1).Select(i => i * Step);

        public double Y(double value) => SvgCharts.Top + PlotHeight - (Math.Min(value, Top) / Top * PlotHeight);
    }
}
