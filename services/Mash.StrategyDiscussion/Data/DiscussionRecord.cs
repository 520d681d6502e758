using Mash.Contracts.Common.V1;
using Mash.Contracts.Strategy.V1;

namespace Mash.StrategyDiscussion.Data;

/// <summary>
/// A strategy discussion: held on this node, or shared by a partner node that held it
/// (<see cref="Received"/>). The child's identity is kept as the contract's protobuf bytes, empty
/// for a received discussion (the child key names the child); the decisions are kept as bytes
/// too, except the actions, whose due times and completion are queried.
/// </summary>
public sealed class DiscussionRecord
{
    public string Id { get; set; } = "";
    public string ChildKey { get; set; } = "";
    public ChildMatchStatus ChildMatch { get; set; }
    public byte[] Child { get; set; } = [];
    public string Area { get; set; } = "";
    public DiscussionStatus Status { get; set; }
    public DiscussionTrigger Trigger { get; set; }
    public string Reason { get; set; } = "";
    public DateTime RequiredAt { get; set; }
    public DateTime DueAt { get; set; }

    /// <summary>The assessment or CSE flag that triggered it; empty for a practitioner's or a follow-up.</summary>
    public string SourceId { get; set; } = "";
    public string SourceEventId { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string IdempotencyKey { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public string FollowsDiscussionId { get; set; } = "";

    public DateTime? ScheduledFor { get; set; }
    public DiscussionFormat Format { get; set; }
    public List<ParticipantRecord> Participants { get; set; } = [];

    public DateTime? HeldAt { get; set; }
    /// <summary>mash.strategy.v1.Decisions without its actions (they are in <see cref="Actions"/>).</summary>
    public byte[] Decisions { get; set; } = [];
    public List<ActionRecord> Actions { get; set; } = [];
    public string MinutesText { get; set; } = "";
    public string MinutesDocumentReference { get; set; } = "";
    public DateTime? ConferenceDueAt { get; set; }
    public string ConcludedBy { get; set; } = "";
    public string ConclusionHash { get; set; } = "";

    public string HeldByNode { get; set; } = "";
    public Agency HeldByAgency { get; set; }
    public bool Received { get; set; }
    public DateTime? ReceivedAt { get; set; }

    /// <summary>Optimistic concurrency: a schedule, the attendance and the conclusion cannot overwrite each other.</summary>
    public int Version { get; set; }
}

/// <summary>Someone invited to, or taking part in, a discussion; the list is replaced as a whole.</summary>
public sealed class ParticipantRecord
{
    public long Id { get; set; }
    public string DiscussionId { get; set; } = "";
    public int Ordinal { get; set; }
    public Agency Agency { get; set; }
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    public bool Attended { get; set; }
    public string AbsenceReason { get; set; } = "";
}

/// <summary>An immediate safeguarding action decided at a discussion: who does what by when.</summary>
public sealed class ActionRecord
{
    public string Id { get; set; } = "";
    public string DiscussionId { get; set; } = "";
    public int Ordinal { get; set; }
    public string Description { get; set; } = "";
    public Agency OwningAgency { get; set; }
    public DateTime DueAt { get; set; }
    /// <summary>mash.common.v1.Person bytes when the action is for a sibling or another child; else empty.</summary>
    public byte[] ForChild { get; set; } = [];
    public DateTime? CompletedAt { get; set; }
    public string CompletedBy { get; set; } = "";
}
