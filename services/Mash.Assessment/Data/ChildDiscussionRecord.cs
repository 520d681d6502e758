using Mash.Contracts.Common.V1;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Referral.V1;
using Mash.Contracts.Strategy.V1;

namespace Mash.Assessment.Data;

/// <summary>
/// A strategy discussion about a child as this node's StrategyDiscussion service last told of it
/// (held here or a partner's copy kept there): what the child's risk profile lists.
/// </summary>
public sealed class ChildDiscussionRecord
{
    public string DiscussionId { get; set; } = "";
    public string ChildKey { get; set; } = "";
    public DiscussionStatus Status { get; set; }
    public DiscussionTrigger Trigger { get; set; }
    public DateTime RequiredAt { get; set; }
    public DateTime DueAt { get; set; }
    public DateTime? ScheduledFor { get; set; }
    public DateTime? HeldAt { get; set; }
    public string MinutesReference { get; set; } = "";
    public string HeldByNode { get; set; } = "";
    public Agency HeldByAgency { get; set; }
    /// <summary>When the event that last changed it occurred: an older one never overwrites a newer.</summary>
    public DateTime ChangedAt { get; set; }
}
