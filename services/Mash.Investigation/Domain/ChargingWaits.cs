namespace Mash.Investigation.Domain;

/// <summary>How long a file has waited for the prosecutor's decision: from sending to the decision, or to now.</summary>
public static class ChargingWaits
{
    public static TimeSpan Wait(DateTime sentAt, DateTime? decidedAt, DateTime nowUtc) => (decidedAt ?? nowUtc) - sentAt;

    public static bool OverThreshold(DateTime sentAt, DateTime? decidedAt, DateTime nowUtc, AreaInvestigationRules rules) =>
        Wait(sentAt, decidedAt, nowUtc) > rules.ChargingWaitLimit;
}
