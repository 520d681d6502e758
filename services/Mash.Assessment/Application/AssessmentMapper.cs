using Google.Protobuf.WellKnownTypes;
using Mash.Assessment.Data;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Referral.V1;
using Mash.Assessment.IntegrationEvents;

namespace Mash.Assessment.Application;

/// <summary>Stored records to contract messages.</summary>
internal static class AssessmentMapper
{
    public static Contracts.Assessment.V1.Assessment ToContract(this AssessmentRecord record, DateTime nowUtc)
    {
        var assessment = new Contracts.Assessment.V1.Assessment
        {
            AssessmentId = record.Id,
            ReferralId = record.ReferralId,
            Child = ChildIdentity.Parser.ParseFrom(record.Child),
            Status = record.Status,
            StartedAt = Timestamp.FromDateTime(record.StartedAt),
            DueAt = Timestamp.FromDateTime(record.DueAt),
            Overdue = IsOverdue(record, nowUtc),
            ConcernSummary = record.ConcernSummary,
            ChildMatch = record.ChildMatch,
            ClosureReason = record.ClosureReason,
            ClosedAt = record.ClosedAt is { } closedAt ? Timestamp.FromDateTime(closedAt) : null,
        };
        assessment.Checks.AddRange(record.Checks.OrderBy(c => c.CheckedAt).ThenBy(c => c.Id).Select(c => new AgencyCheck
        {
            Agency = c.Agency,
            Result = c.Result,
            InformationFound = c.InformationFound,
            CheckedAt = Timestamp.FromDateTime(c.CheckedAt),
            RecordedBy = c.RecordedBy,
        }));

        if (record.CompletedAt is { } completedAt)
        {
            assessment.Outcome = new AssessmentOutcome
            {
                RiskLevel = record.RiskLevel,
                Rag = record.Rag,
                Rationale = record.Rationale,
                SignificantHarmSuspected = record.SignificantHarmSuspected,
                CompletedAt = Timestamp.FromDateTime(completedAt),
                TimescaleBreached = record.TimescaleBreached,
                CompletedBy = record.CompletedBy,
            };
        }

        return assessment;
    }

    /// <summary>Open past its due time, or completed late; never a closed one.</summary>
    public static bool IsOverdue(AssessmentRecord record, DateTime nowUtc) => record.Status switch
    {
        AssessmentStatus.Completed => record.TimescaleBreached,
        AssessmentStatus.Closed => false,
        _ => nowUtc > record.DueAt,
    };

    public static CseFlag ToContract(this CseFlagRecord record)
    {
        var flag = new CseFlag
        {
            FlagId = record.Id,
            Risk = record.Risk,
            Active = record.Active,
            RaisedAt = Timestamp.FromDateTime(record.RaisedAt),
            Suspect = record.Suspect(),
            Contact = record.Contact(),
        };
        flag.History.AddRange(record.History.OrderBy(h => h.ChangedAt).ThenBy(h => h.Id).Select(h => new CseFlagHistoryEntry
        {
            Action = h.Action,
            Risk = h.Risk,
            Reason = h.Reason,
            Evidence = h.Evidence,
            ChangedBy = h.ChangedBy,
            ChangedByAgency = Platform.Auth.AgencyNames.ToContract(h.ChangedByAgency),
            ChangedAt = Timestamp.FromDateTime(h.ChangedAt),
        }));
        return flag;
    }

    public static ChildDiscussion ToContract(this ChildDiscussionRecord record, DateTime nowUtc) => new()
    {
        DiscussionId = record.DiscussionId,
        Status = (Contracts.Strategy.V1.DiscussionStatus)record.Status,
        Trigger = record.Trigger,
        RequiredAt = Timestamp.FromDateTime(record.RequiredAt),
        DueAt = Timestamp.FromDateTime(record.DueAt),
        Overdue = record.HeldAt is null && nowUtc > record.DueAt,
        ScheduledFor = record.ScheduledFor is { } scheduledFor ? Timestamp.FromDateTime(scheduledFor) : null,
        HeldAt = record.HeldAt is { } heldAt ? Timestamp.FromDateTime(heldAt) : null,
        MinutesReference = record.MinutesReference,
        HeldByNode = record.HeldByNode,
        HeldByAgency = record.HeldByAgency,
    };

    public static PartnerRiskEntry ToContract(this PartnerRiskRecord record)
    {
        var entry = new PartnerRiskEntry
        {
            EventId = record.EventId,
            OriginNode = record.OriginNode,
            OriginAgency = record.OriginAgency,
            OccurredAt = Timestamp.FromDateTime(record.OccurredAt),
            ReceivedAt = Timestamp.FromDateTime(record.ReceivedAt),
            LawfulBasis = record.LawfulBasis,
        };
        if (record.Kind == CseFlagChanged.Descriptor.FullName)
        {
            entry.CseFlag = CseFlagChanged.Parser.ParseFrom(record.Payload);
        }
        else if (record.Kind == RiskLevelChanged.Descriptor.FullName)
        {
            entry.RiskLevel = RiskLevelChanged.Parser.ParseFrom(record.Payload);
        }

        return entry;
    }

    public static ChildIdentity ChildOf(byte[] bytes) => bytes.Length == 0 ? new ChildIdentity() : ChildIdentity.Parser.ParseFrom(bytes);
}
