using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Auth;
using Mash.Referral.Data;
using Mash.Referral.Domain;
using Mash.Referral.Application;

namespace Mash.Referral.IntegrationEvents;

/// <summary>The events the Referral service raises.</summary>
internal static class ReferralEvents
{
    /// <summary>Why the front door tells a referring node where its referral stands, as its disclosure log says.</summary>
    public const string FeedbackPurpose = "Telling the referrer what became of the referral at the MASH front door";

    /// <summary>For the area's front door alone: the referral as submitted here, identity included.</summary>
    public static ReferralSentToFrontDoor SentToFrontDoor(ReferralRecord record, ReferralDetails details) => new()
    {
        ReferralId = record.Id,
        Details = details,
        ReceivedAt = Timestamp.FromDateTime(record.ReceivedAt),
        EnteredAt = Timestamp.FromDateTime(record.EnteredAt),
        Area = record.Area,
        ReferringAgency = AgencyNames.ToContract(record.SubmittedByAgency),
        ReferringClient = record.ClientId,
    };

    /// <summary>For the referring node: where the referral stands at the front door, without any rationale.</summary>
    public static ReferralProgressReported Progress(ReferralRecord record)
    {
        var progress = new ReferralProgressReported
        {
            ReferralId = record.Id,
            Status = record.Status,
            AcknowledgedAt = Timestamp.FromDateTime(record.AcknowledgedAt ?? record.EnteredAt),
            DecisionDueAt = Timestamp.FromDateTime(record.DecisionDueAt),
        };
        if (record.ScreenedAt is { } screenedAt)
        {
            progress.Rag = record.Rag;
            progress.ScreenedAt = Timestamp.FromDateTime(screenedAt);
            progress.RagDueAt = record.RagDueAt is { } ragDue ? Timestamp.FromDateTime(ragDue) : null;
            progress.ScreenedByAgency = AgencyNames.ToContract(record.ScreenedByAgency);
        }

        if (record.DecidedAt is { } decidedAt)
        {
            progress.Outcome = record.Outcome;
            progress.DecidedAt = Timestamp.FromDateTime(decidedAt);
            progress.DecisionTimescaleBreached = record.DecisionBreached;
            progress.DecidedByAgency = AgencyNames.ToContract(record.DecidedByAgency);
        }

        return progress;
    }

    /// <summary>Within this node, for the Assessment service: the decision, and whether it calls for an assessment.</summary>
    public static ReferralDecided Decided(ReferralRecord record, ReferralDetails details, bool decidedBeforeUpgrade = false) => new()
    {
        ReferralId = record.Id,
        Child = details.Child,
        ReceivedAt = Timestamp.FromDateTime(record.ReceivedAt),
        Area = record.Area,
        ConcernSummary = details.Concern?.Description ?? "",
        ImmediateProtectionNeeded = details.ImmediateRisk?.ImmediateProtectionNeeded ?? false,
        ReferringAgency = AgencyNames.ToContract(record.SubmittedByAgency),
        Outcome = record.Outcome,
        DecidedAt = Timestamp.FromDateTime(record.DecidedAt ?? record.ReceivedAt),
        AssessmentRequired = DecisionNextSteps.After(record.Outcome).OpensAssessment,
        DecidedBeforeUpgrade = decidedBeforeUpgrade,
    };

    /// <summary>Within this node, for the StrategyDiscussion service: a discussion is now required, naming the referral.</summary>
    public static StrategyDiscussionTriggered DiscussionRequired(ReferralRecord record, ReferralDetails details, StrategyTrigger trigger) => new()
    {
        Trigger = trigger,
        SourceId = record.Id,
        Reason = trigger == StrategyTrigger.ImmediateProtection
            ? $"Referral {record.Id} decided for immediate protection: a strategy discussion at once."
            : $"Referral {record.Id} decided for a strategy discussion (s47 enquiry suspected).",
        Child = details.Child,
        TriggeredAt = Timestamp.FromDateTime(record.DecidedAt ?? record.ReceivedAt),
        Area = record.Area,
    };
}
