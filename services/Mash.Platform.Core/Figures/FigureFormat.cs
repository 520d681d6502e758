using System.Globalization;
using System.Net;
using Google.Protobuf.WellKnownTypes;

namespace Mash.Platform.Figures;

/// <summary>
/// How the report writes values: invariant culture, so the page reads the same on every machine and tests can parse
/// it back; every text HTML-encoded, since area and node names come from callers and configuration.
/// </summary>
internal static class FigureFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>0001-01-01 and 9999-12-31T23:59:59, protobuf's valid range for a Timestamp.</summary>
    private const long FirstSecond = -62_135_596_800, LastSecond = 253_402_300_799;

    public static string Count(long value) => value.ToString("#,0", Invariant);

    /// <summary>Hours and days to one decimal: finer would suggest a precision the medians do not have.</summary>
    public static string Decimal(double value) => double.IsFinite(value) ? value.ToString("#,0.0", Invariant) : "n/a";

    /// <summary>A rate the reader would otherwise work out; "n/a" when nothing fell due.</summary>
    public static string Percent(long part, long whole) => whole <= 0 ? "n/a" : (100.0 * part / whole).ToString("0", Invariant) + "%";

    /// <summary>In UTC: the page has no area time zone to hand, and a stated zone cannot be misread.</summary>
    public static string Utc(Timestamp? time) => Moment(time) is { } utc ? utc.ToString("yyyy-MM-dd HH:mm", Invariant) + " UTC" : "not given";

    /// <summary>The ISO form for a <c>&lt;time datetime&gt;</c> attribute; empty when there is no valid time.</summary>
    public static string Iso(Timestamp? time) => Moment(time) is { } utc ? utc.ToString("yyyy-MM-ddTHH:mm:ssZ", Invariant) : "";

    /// <summary>A week that ends "Sunday 24:00" is labelled with that Sunday, as people name weeks.</summary>
    public static string WeekEnding(Timestamp? time) => Moment(time) is { } utc ? utc.AddTicks(-1).ToString("yyyy-MM-dd", Invariant) : "?";

    public static string Number(double value) => value.ToString("0.##", Invariant);

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>"held_overnight_under_17" or "REMANDED_IN_CUSTODY" as "Held overnight under 17" / "Remanded in custody".</summary>
    public static string Humanize(string name)
    {
        var words = name.Replace('_', ' ').Trim().ToLowerInvariant();
        return words.Length == 0 ? "(none)" : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>A timestamp out of protobuf's range cannot be converted; the page says "not given" rather than fail.</summary>
    private static DateTime? Moment(Timestamp? time)
    {
        if (time is null || time.Seconds < FirstSecond || time.Seconds > LastSecond || time.Nanos is < 0 or > 999_999_999)
        {
            return null;
        }

        return time.ToDateTime();
    }
}
