using Google.Protobuf.WellKnownTypes;
using Mash.Assessment.Data;
using Mash.Contracts.Events.V1;

namespace Mash.Assessment.Grpc;

/// <summary>
/// The events the Assessment service raises for partner nodes. They carry no child identity: a
/// partner matches the child by the envelope's child key.
/// </summary>
internal static class AssessmentEvents
{
    public static RiskLevelChanged RiskLevelChanged(AssessmentRecord record, RiskLevel previous) => new()
    {
        AssessmentId = record.Id,
        PreviousLevel = previous,
        Level = (RiskLevel)record.RiskLevel,
        Rationale = record.Rationale,
        SignificantHarmSuspected = record.SignificantHarmSuspected,
        ChangedBy = record.CompletedBy,
        ChangedAt = Timestamp.FromDateTime(record.CompletedAt ?? record.StartedAt),
    };

    public static CseFlagChanged CseFlagChanged(CseFlagRecord flag, CseFlagHistoryRecord change) => new()
    {
        FlagId = flag.Id,
        Action = (FlagAction)change.Action,
        Risk = (CseRisk)change.Risk,
        Reason = change.Reason,
        Evidence = change.Evidence,
        ChangedBy = $"{change.ChangedBy} ({change.ChangedByAgency})",
        ChangedAt = Timestamp.FromDateTime(change.ChangedAt),
    };
}
