using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;

namespace Mash.Assessment.Domain;

/// <summary>An active CSE flag on this node, with the action that last set its risk.</summary>
public sealed record LocalFlagSignal(string FlagId, CseRisk Risk, FlagAction LastAction, DateTime LastChangedAt);

/// <summary>The conclusion of this node's latest completed assessment of the child.</summary>
public sealed record LocalLevelSignal(string AssessmentId, RiskLevel Level, DateTime CompletedAt);

/// <summary>
/// One event a partner node shared: a flag change (<see cref="FlagId"/> set) or a risk level.
/// <see cref="Sequence"/> is the order of arrival, which breaks ties of <see cref="OccurredAt"/>.
/// </summary>
public sealed record PartnerSignal(
    long Sequence, string OriginNode, Agency OriginAgency, DateTime OccurredAt,
    string FlagId = "", FlagAction FlagAction = FlagAction.Unspecified, CseRisk CseRisk = CseRisk.Unspecified,
    RiskLevel RiskLevel = RiskLevel.Unspecified)
{
    public bool IsFlag => FlagId.Length > 0;
}

/// <summary>A child's current risk across this node and its partners, and why it is high.</summary>
public sealed record ChildRiskSummary(CseRisk HighestCseRisk, RiskLevel HighestRiskLevel, IReadOnlyList<string> HighRiskReasons)
{
    /// <summary>For the daily meeting: High CSE risk, or a risk level of High or Very high.</summary>
    public bool IsHighRisk => HighRiskReasons.Count > 0;

    /// <summary>Orders the daily list, most serious first: Very high 4, High (either scale) 3.</summary>
    public int Severity => Math.Max((int)HighestRiskLevel, HighestCseRisk == CseRisk.High ? 3 : (int)HighestCseRisk);
}

/// <summary>
/// Combines what this node knows and partners shared into the child's current risk. A partner's
/// flag counts in its latest state only (a flag it later cleared no longer counts), and each
/// partner node's latest risk level replaces its earlier ones; events are ordered by when they
/// occurred, not when they arrived.
/// </summary>
public static class ChildRiskState
{
    public static ChildRiskSummary Summarise(
        IEnumerable<LocalFlagSignal> activeLocalFlags, LocalLevelSignal? localLevel, IEnumerable<PartnerSignal> partnerSignals)
    {
        var cse = CseRisk.Unspecified;
        var level = RiskLevel.Unspecified;
        var reasons = new List<string>();

        foreach (var flag in activeLocalFlags.OrderBy(f => f.LastChangedAt).ThenBy(f => f.FlagId, StringComparer.Ordinal))
        {
            cse = Max(cse, flag.Risk);
            if (flag.Risk == CseRisk.High)
            {
                reasons.Add($"High CSE flag {flag.FlagId} {Verb(flag.LastAction)} on this node on {Day(flag.LastChangedAt)}");
            }
        }

        if (localLevel is not null)
        {
            level = Max(level, localLevel.Level);
            if (IsHigh(localLevel.Level))
            {
                reasons.Add($"Risk level {ProtoNames.Unprefixed(localLevel.Level)} from local assessment {localLevel.AssessmentId}");
            }
        }

        var latest = partnerSignals.OrderBy(s => s.OccurredAt).ThenBy(s => s.Sequence).ToList();
        foreach (var flag in latest.Where(s => s.IsFlag).GroupBy(s => (s.OriginNode, s.FlagId)).Select(g => g.Last())
                     .Where(s => s.FlagAction != FlagAction.Cleared).OrderBy(s => s.OccurredAt))
        {
            cse = Max(cse, flag.CseRisk);
            if (flag.CseRisk == CseRisk.High)
            {
                reasons.Add($"High CSE flag {Verb(flag.FlagAction)} by {AgencyName(flag.OriginAgency)} node '{flag.OriginNode}' on {Day(flag.OccurredAt)}");
            }
        }

        foreach (var partnerLevel in latest.Where(s => !s.IsFlag).GroupBy(s => s.OriginNode).Select(g => g.Last()).OrderBy(s => s.OccurredAt))
        {
            level = Max(level, partnerLevel.RiskLevel);
            if (IsHigh(partnerLevel.RiskLevel))
            {
                reasons.Add($"Risk level {ProtoNames.Unprefixed(partnerLevel.RiskLevel)} from {AgencyName(partnerLevel.OriginAgency)} node '{partnerLevel.OriginNode}' on {Day(partnerLevel.OccurredAt)}");
            }
        }

        return new ChildRiskSummary(cse, level, reasons);
    }

    public static bool IsHigh(RiskLevel level) => level is RiskLevel.High or RiskLevel.VeryHigh;

    private static CseRisk Max(CseRisk a, CseRisk b) => Enum.IsDefined(b) && b > a ? b : a;

    private static RiskLevel Max(RiskLevel a, RiskLevel b) => Enum.IsDefined(b) && b > a ? b : a;

    private static string Verb(FlagAction action) => action == FlagAction.Reviewed ? "reviewed" : "raised";

    private static string Day(DateTime utc) => utc.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string AgencyName(Agency agency) => ProtoNames.Unprefixed(agency).Replace('_', ' ').ToLowerInvariant();
}
