using Google.Protobuf.WellKnownTypes;
using Mash.Platform.Errors;
using Mash.Platform.Time;

namespace Mash.Referral.Domain;

/// <summary>
/// When a contact was received, which every clock counts from (Working Together: a decision within
/// one working day of receipt). A call taken at 08:00 and typed in at 15:00 was received at 08:00;
/// a time a little ahead is a clock difference, not a typo, up to the configured tolerance.
/// </summary>
public static class ReceivedTimes
{
    public const string Field = "received_at";

    /// <summary>The receipt time given, checked against its bounds; now when none is given.</summary>
    public static DateTime Resolve(FieldViolations violations, Timestamp? given, DateTime nowUtc, TimeSpan futureTolerance, double maxAgeDays)
    {
        if (given is null)
        {
            return nowUtc;
        }

        if (!Timestamps.TryUtc(given, out var receivedAt))
        {
            violations.Add(Field, "Not a valid time.");
            return nowUtc;
        }

        var latest = nowUtc + futureTolerance;
        var earliest = nowUtc - TimeSpan.FromDays(maxAgeDays);
        violations.Require(receivedAt <= latest, Field,
            $"{receivedAt:yyyy-MM-dd HH:mm} UTC is in the future: at most {futureTolerance.TotalMinutes:0} minutes ahead of now ({nowUtc:yyyy-MM-dd HH:mm} UTC) is accepted.");
        violations.Require(receivedAt >= earliest, Field,
            $"{receivedAt:yyyy-MM-dd HH:mm} UTC is more than {maxAgeDays:0} days ago, the oldest receipt this area accepts; if it is right, say so in the concern and submit it as received now.");
        return receivedAt;
    }
}
