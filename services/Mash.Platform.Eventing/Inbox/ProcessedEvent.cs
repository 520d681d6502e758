namespace Mash.Platform.Eventing.Inbox;

/// <summary>
/// The inbox: an event id this service has applied, written in the same transaction as the
/// handler's changes, so a redelivered event is recognised and never applied twice.
/// </summary>
public sealed class ProcessedEvent
{
    public string EventId { get; set; } = "";
    public string Subscription { get; set; } = "";
    public string Type { get; set; } = "";
    public string OriginNode { get; set; } = "";
    public DateTime ProcessedAt { get; set; }
}
