using System.Collections;
using System.Globalization;
using System.Text;
using Google.Protobuf.Reflection;
using Mash.Contracts.Custody.V1;
using static Mash.Platform.Figures.FigureCell;
using static Mash.Platform.Figures.FigureFormat;

namespace Mash.Platform.Figures;

/// <summary>
/// Children in police custody (mash.custody.v1.CustodyReport). Its counts are listed from the message's descriptor,
/// so a count the custody contract gains later is on the page without a change here.
/// </summary>
internal static class CustodySection
{
    private const string Path = "custody";

    /// <summary>Plainer words than the field names where they help; any other field is its name, humanized.</summary>
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["children_held"] = "Children held",
        ["bail_refused"] = "Charged and refused bail",
        ["no_request_made"] = "Bail refused, no accommodation request made",
        ["appropriate_adult_wait_median_minutes"] = "Appropriate adult: median wait (minutes)",
        ["appropriate_adult_wait_longest_minutes"] = "Appropriate adult: longest wait (minutes)",
        ["appropriate_adult_waits_over_limit"] = "Appropriate adult: waits over the limit",
        ["reviews_asleep_not_told"] = "Reviews while asleep, child not told on waking",
        ["by_legal_status"] = "Children held by legal status",
        ["by_looked_after_status"] = "Children held by looked-after status",
        ["refusal_reasons"] = "Accommodation refused: reasons given",
        ["no_request_reasons"] = "No request made: reasons given",
    };

    public static void Write(StringBuilder page, CustodyReport? custody) =>
        FiguresReport.Section(page, "custody", "Children in police custody", custody, Body);

    private static void Body(StringBuilder page, CustodyReport custody)
    {
        page.Append("<div class=\"charts\">")
            .Append(SvgCharts.Bars("chart-custody-accommodation", "Local authority accommodation for children refused bail",
                ["Requests made", "Answered", "Places offered", "Transferred", "Refused"],
                new ChartSeries("Children", [custody.AccommodationRequestsMade, custody.AccommodationRequestsAnswered, custody.PlacesOffered,
                    custody.Transferred, custody.RequestsRefused], SvgCharts.Blue)))
            .Append("</div><div class=\"tables\">");
        var counts = new FigureTable("Custody", "Figure", "Count");
        var maps = new List<FigureTable>();
        foreach (var field in CustodyReport.Descriptor.Fields.InFieldNumberOrder())
        {
            var value = field.Accessor.GetValue(custody);
            if (field.IsMap)
            {
                maps.Add(MapTable(field, (IDictionary)value));
            }
            else if (field.FieldType is FieldType.Int32 or FieldType.Int64 && !field.IsRepeated)
            {
                counts.Row(Label(field.Name), Of($"{Path}.{field.Name}", Convert.ToInt64(value, CultureInfo.InvariantCulture)));
            }

            // The period (from, to) is the page's own, shown in its header.
        }

        page.Append(counts);
        maps.ForEach(table => page.Append(table));
        page.Append("</div>");
    }

    /// <summary>A count by name (legal status, a reason), in name order so the same figures always give the same page.</summary>
    private static FigureTable MapTable(FieldDescriptor field, IDictionary map)
    {
        var table = new FigureTable(Label(field.Name), "Name", "Count");
        foreach (var key in map.Keys.Cast<object>().Select(k => k.ToString() ?? "").Order(StringComparer.Ordinal))
        {
            table.Row(Humanize(key), Of($"{Path}.{field.Name}[{key}]", Convert.ToInt64(map[key], CultureInfo.InvariantCulture)));
        }

        return table;
    }

    private static string Label(string field) => Labels.TryGetValue(field, out var label) ? label : Humanize(field);
}
