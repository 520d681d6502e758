using Google.Protobuf.WellKnownTypes;
using Mash.Assessment.Data;
using Mash.Assessment.Domain;
using Mash.Contracts.Events.V1;
using Mash.Assessment.Application;

namespace Mash.Assessment.IntegrationEvents;

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
        Level = record.RiskLevel,
        Rationale = record.Rationale,
        SignificantHarmSuspected = record.SignificantHarmSuspected,
        ChangedBy = record.CompletedBy,
        ChangedAt = Timestamp.FromDateTime(record.CompletedAt ?? record.StartedAt),
    };

    /// <summary>Within this node: tells the StrategyDiscussion service a discussion is required.</summary>
    public static StrategyDiscussionTriggered StrategyTriggered(StrategyTrigger trigger, string sourceId, string reason, byte[] child, DateTime at, string area) => new()
    {
        Trigger = trigger,
        SourceId = sourceId,
        Reason = reason,
        Child = Contracts.Common.V1.ChildIdentity.Parser.ParseFrom(child),
        TriggeredAt = Timestamp.FromDateTime(at),
        Area = area,
    };

    /// <summary>The change, with the suspect's band and relationship and the contact; never who the suspect is.</summary>
    public static CseFlagChanged CseFlagChanged(CseFlagRecord flag, CseFlagHistoryRecord change)
    {
        var changed = new CseFlagChanged
        {
            FlagId = flag.Id,
            Action = change.Action,
            Risk = change.Risk,
            Reason = change.Reason,
            Evidence = change.Evidence,
            ChangedBy = $"{change.ChangedBy} ({change.ChangedByAgency})",
            ChangedAt = Timestamp.FromDateTime(change.ChangedAt),
        };
        CseSuspectRules.ShareInto(changed, flag.Suspect(), flag.Contact());
        return changed;
    }

    /// <summary>Within this node: tells the Offender service to link the child to the offender the flag names.</summary>
    public static CseFlagNamedOffender NamedOffender(CseFlagRecord flag, CseFlagHistoryRecord change) => new()
    {
        FlagId = flag.Id,
        OffenderId = flag.SuspectOffenderId,
        Child = Contracts.Common.V1.ChildIdentity.Parser.ParseFrom(flag.Child),
        SuspectRelationship = flag.SuspectRelationship,
        NamedBy = change.ChangedBy,
        NamedAt = Timestamp.FromDateTime(change.ChangedAt),
    };
}
