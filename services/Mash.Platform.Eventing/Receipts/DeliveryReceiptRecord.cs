using Mash.Contracts.Common.V1;

namespace Mash.Platform.Eventing.Receipts;

/// <summary>A partner node's receipt for an event this service shared: that node stored it, at that time.</summary>
public sealed class DeliveryReceiptRecord
{
    public long Id { get; set; }
    public string EventId { get; set; } = "";
    public string ReceivingNode { get; set; } = "";
    public Agency ReceivingAgency { get; set; }
    /// <summary>When the partner node stored it, by that node's clock.</summary>
    public DateTime StoredAt { get; set; }
    /// <summary>When the receipt arrived here.</summary>
    public DateTime ReceivedAt { get; set; }
}
