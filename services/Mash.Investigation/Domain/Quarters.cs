using System.Globalization;

namespace Mash.Investigation.Domain;

/// <summary>A calendar quarter, written "2026-Q4"; a moment's quarter is taken in the area's local time.</summary>
public readonly record struct Quarter(int Year, int Number) : IComparable<Quarter>
{
    public static Quarter Of(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        return new Quarter(local.Year, ((local.Month - 1) / 3) + 1);
    }

    public static bool TryParse(string text, out Quarter quarter)
    {
        quarter = default;
        if (text.Length != 7 || text[4] != '-' || text[5] is not ('Q' or 'q') || text[6] is < '1' or > '4'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000)
        {
            return false;
        }

        quarter = new Quarter(year, text[6] - '0');
        return true;
    }

    public Quarter Next => Number == 4 ? new Quarter(Year + 1, 1) : new Quarter(Year, Number + 1);

    public Quarter Previous => Number == 1 ? new Quarter(Year - 1, 4) : new Quarter(Year, Number - 1);

    /// <summary>Quarters from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static IEnumerable<Quarter> Range(Quarter from, Quarter to)
    {
        for (var q = from; q.CompareTo(to) <= 0; q = q.Next)
        {
            yield return q;
        }
    }

    public static int Count(Quarter from, Quarter to) => ((to.Year - from.Year) * 4) + to.Number - from.Number + 1;

    public int CompareTo(Quarter other) => (Year, Number).CompareTo((other.Year, other.Number));

    public static bool operator <(Quarter left, Quarter right) => left.CompareTo(right) < 0;
    public static bool operator <=(Quarter left, Quarter right) => left.CompareTo(right) <= 0;
    public static bool operator >(Quarter left, Quarter right) => left.CompareTo(right) > 0;
    public static bool operator >=(Quarter left, Quarter right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Number}");
}
