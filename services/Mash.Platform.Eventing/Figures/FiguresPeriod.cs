using System.Globalization;
using Mash.Contracts.Figures.V1;
using Mash.Platform.Errors;
using Mash.Platform.Time;

namespace Mash.Platform.Eventing.Figures;

/// <summary>The period and area a figures call covers, checked, with the area's time zone for its months.</summary>
public sealed record FiguresPeriod(DateTime FromUtc, DateTime ToUtc, string Area, TimeZoneInfo Zone, DateTime NowUtc)
{
    public const int MaxAreaLength = 100;

    /// <summary>
    /// The period is [from, to), to after from and at most <paramref name="maxDays"/> long, and the area the node's or
    /// one it has a calendar for; else INVALID_ARGUMENT naming the field.
    /// </summary>
    public static FiguresPeriod Check(
        GetPartnershipFiguresRequest request, string nodeArea, int maxDays, Func<string, bool> knownArea, Func<string, TimeZoneInfo> zoneOf, DateTime nowUtc)
    {
        var v = new FieldViolations().CheckOptionalText("area", request.Area, MaxAreaLength);
        var asked = request.Area.Trim();
        v.Require(asked.Length == 0 || asked.Length > MaxAreaLength || string.Equals(asked, nodeArea, StringComparison.OrdinalIgnoreCase) || knownArea(asked),
            "area", "Not an area of this node (its own, or one with its own calendar in Mash:Calendar:Areas).");
        var from = v.CheckGiven("from", request.From, "Give the period's start.");
        var to = v.CheckGiven("to", request.To, "Give the period's end.");
        if (from is { } start && to is { } end)
        {
            v.Require(end > start, "to", "The period ends after it starts.")
                .Require(end <= start || end - start <= TimeSpan.FromDays(maxDays), "to", $"A period of at most {maxDays} days (Mash:Figures:MaxPeriodDays).");
        }

        v.ThrowIfAny("The figures cannot be given.");
        var area = asked.Length > 0 ? asked : nodeArea;
        return new FiguresPeriod(from!.Value, to!.Value, area, zoneOf(area), nowUtc);
    }

    public bool Contains(DateTime utc) => utc >= FromUtc && utc < ToUtc;

    public bool Contains(DateTime? utc) => utc is { } at && Contains(at);

    /// <summary>The calendar month of a moment in the area's local time, "2026-11".</summary>
    public string MonthOf(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, Zone).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Every month the period touches, oldest first, each with how many of <paramref name="moments"/> fall in it (zeros included).</summary>
    public IEnumerable<MonthCount> ByMonth(IEnumerable<DateTime> moments)
    {
        var counts = moments.Where(Contains).GroupBy(MonthOf).ToDictionary(g => g.Key, g => g.Count());
        var first = TimeZoneInfo.ConvertTimeFromUtc(FromUtc, Zone);
        var last = TimeZoneInfo.ConvertTimeFromUtc(ToUtc.AddTicks(-1), Zone);
        for (var month = new DateTime(first.Year, first.Month, 1); month <= last; month = month.AddMonths(1))
        {
            var name = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            yield return new MonthCount { Month = name, Count = counts.GetValueOrDefault(name) };
        }
    }
}
