using Google.Protobuf.WellKnownTypes;
using Mash.Platform.Errors;

namespace Mash.Platform.Time;

/// <summary>
/// Times of things that happened (an arrest, a charge, an answer), typed in afterwards: none may be
/// in the future beyond a clock's difference, and each may have to follow another.
/// </summary>
public static class HappenedTimes
{
    /// <summary>A few minutes ahead is two machines' clocks disagreeing, not a typing slip.</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(2);

    /// <summary>A required time (a target, a due time: it may lie ahead): the time read, or null with a violation.</summary>
    public static DateTime? CheckGiven(this FieldViolations v, string field, Timestamp? given, string whenMissing)
    {
        if (given is null)
        {
            v.Add(field, whenMissing);
            return null;
        }

        if (!Timestamps.TryUtc(given, out var at))
        {
            v.Add(field, "Not a valid time.");
            return null;
        }

        return at;
    }

    /// <summary>A required time that has happened: the time read, or null with a violation.</summary>
    public static DateTime? CheckHappened(this FieldViolations v, string field, Timestamp? given, DateTime nowUtc, string whenMissing)
    {
        if (v.CheckGiven(field, given, whenMissing) is not { } at)
        {
            return null;
        }

        if (at > nowUtc + ClockTolerance)
        {
            v.Add(field, $"{at:yyyy-MM-dd HH:mm} UTC is in the future (now {nowUtc:yyyy-MM-dd HH:mm} UTC).");
            return null;
        }

        return at;
    }

    /// <summary>Not before <paramref name="earlier"/>, which is named <paramref name="earlierIs"/>; nothing when either is unknown.</summary>
    public static FieldViolations CheckNotBefore(this FieldViolations v, string field, DateTime? value, DateTime? earlier, string earlierIs) =>
        value is { } at && earlier is { } before
            ? v.Require(at >= before, field, $"{at:yyyy-MM-dd HH:mm} UTC is before {earlierIs} ({before:yyyy-MM-dd HH:mm} UTC).")
            : v;
}
