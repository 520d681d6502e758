using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Strategy.V1;
using Mash.StrategyDiscussion.Data;
using Mash.StrategyDiscussion.Domain;
using Mash.StrategyDiscussion.Application;

namespace Mash.StrategyDiscussion.IntegrationEvents;

/// <summary>The events of strategy discussions, to and from other services and nodes.</summary>
internal static class StrategyEvents
{
    /// <summary>
    /// A concluded discussion for the participating agencies' nodes: everything but the child's
    /// identity, which stays here (each node attaches the record to its own child by the child key).
    /// </summary>
    public static StrategyDiscussionConcluded Concluded(DiscussionRecord record, DateTime nowUtc)
    {
        var discussion = record.ToContract(nowUtc);
        discussion.Child = null;
        return new StrategyDiscussionConcluded
        {
            Discussion = discussion,
            ParticipatingAgencies = { Representation.Participating(discussion.Participants) },
        };
    }

    /// <summary>
    /// A discussion required and not yet held, for the nodes of the agencies expected to attend: its
    /// due time, reason, schedule and invitations, without the child's identity.
    /// </summary>
    public static StrategyDiscussionOutstanding Outstanding(DiscussionRecord record, DateTime nowUtc)
    {
        var discussion = record.ToContract(nowUtc);
        discussion.Child = null;
        return new StrategyDiscussionOutstanding
        {
            Discussion = discussion,
            ExpectedAgencies = { Representation.Expected(discussion.Participants) },
        };
    }

    /// <summary>A discussion about a child, for the risk profile at this node: what, when and where, never its content.</summary>
    public static StrategyDiscussionRecorded Recorded(DiscussionRecord record) => new()
    {
        DiscussionId = record.Id,
        Status = record.Status,
        Trigger = record.Trigger,
        RequiredAt = Timestamp.FromDateTime(record.RequiredAt),
        DueAt = Timestamp.FromDateTime(record.DueAt),
        ScheduledFor = record.ScheduledFor is { } scheduledFor ? Timestamp.FromDateTime(scheduledFor) : null,
        HeldAt = record.HeldAt is { } heldAt ? Timestamp.FromDateTime(heldAt) : null,
        MinutesReference = record.MinutesDocumentReference,
        HeldByNode = record.HeldByNode,
        HeldByAgency = record.HeldByAgency,
    };

    public static DiscussionTrigger TriggerOf(StrategyTrigger trigger) => trigger switch
    {
        StrategyTrigger.SignificantHarmSuspected => DiscussionTrigger.SignificantHarmSuspected,
        StrategyTrigger.HighCseRisk => DiscussionTrigger.HighCseRisk,
        StrategyTrigger.ReferralDecision => DiscussionTrigger.ReferralDecision,
        StrategyTrigger.ImmediateProtection => DiscussionTrigger.ImmediateProtection,
        StrategyTrigger.MissingEpisodes => DiscussionTrigger.MissingEpisodes,
        _ => DiscussionTrigger.Unspecified,
    };
}
