using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace Mash.Cli;

/// <summary>
/// Times typed on the command line: <c>YYYY-MM-DD HH:MM</c> in the local time zone, the way the
/// CLI shows them, sent to the service as UTC.
/// </summary>
internal static class LocalTimes
{
    public const string Shape = "YYYY-MM-DD HH:MM";
    private const string Pattern = "yyyy-MM-dd HH:mm";

    /// <summary><paramref name="text"/> as a timestamp, or a usage error naming <paramref name="option"/> (<c>--at</c>).</summary>
    public static Timestamp Parse(string option, string text) =>
        TryParse(text, out var timestamp, out var problem)
            ? timestamp
            : throw new UsageException($"{option} {problem}");

    /// <summary>The time, or why it is not one: "must be a local time written ..." or "does not exist ...".</summary>
    public static bool TryParse(string text, out Timestamp timestamp, out string problem)
    {
        timestamp = new Timestamp();
        var trimmed = text.Trim();
        if (!DateTime.TryParseExact(trimmed, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            problem = $"must be a local time written {Shape} (got '{text}')";
            return false;
        }

        var zone = TimeZoneInfo.Local;
        if (zone.IsInvalidTime(local))
        {
            problem = $"'{trimmed}' does not exist in the local time zone {zone.Id} (the clocks go forward then)";
            return false;
        }

        // An hour repeated when the clocks go back is taken as standard time.
        timestamp = Timestamp.FromDateTime(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone));
        problem = "";
        return true;
    }
}
