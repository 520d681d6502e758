using System.Globalization;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Investigation.V1;

namespace Mash.Assessment.Domain;

/// <summary>A stalled investigation as the daily high-risk list says it: each gap and how long it has lasted, counted now.</summary>
public static class StalledInvestigations
{
    public static string Reason(InvestigationStallsChanged change, DateTime nowUtc)
    {
        var who = string.Join(", ", new[] { change.Team, change.Officer }.Where(s => s.Length > 0));
        var gaps = change.Stalls.Select(s => $"{Gap(s.Reason)} for {Days(nowUtc - s.Since.ToDateTime())} (since {s.Since.ToDateTime():yyyy-MM-dd})");
        return $"Investigation {change.InvestigationId}{(who.Length > 0 ? $" ({who})" : " (not allocated)")} stalled: {string.Join("; ", gaps)}";
    }

    private static string Gap(StallReason reason) => reason switch
    {
        StallReason.NoAbeInterview => "no achieving-best-evidence interview",
        StallReason.DevicesNotExamined => "devices not examined",
        StallReason.NoSafeguardingMeasure => "no safeguarding measure",
        StallReason.NoSupervisoryReview => "no supervisory review",
        _ => "stalled",
    };

    private static string Days(TimeSpan lasted) =>
        lasted.TotalDays >= 2 ? string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(lasted.TotalDays)} days")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(lasted.TotalHours)} hours");
}
