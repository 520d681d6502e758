namespace Mash.Platform.Eventing.Outbox;

/// <summary>
/// An event waiting to be published, written in the same transaction as the change it
/// reports; the relay publishes it after commit and stamps <see cref="PublishedAt"/>.
/// </summary>
public sealed class OutboxMessage
{
    public long Sequence { get; set; }
    public string EventId { get; set; } = "";
    public string Topic { get; set; } = "";
    public string SessionId { get; set; } = "";
    public string Type { get; set; } = "";
    public string OriginNode { get; set; } = "";
    /// <summary>The serialized mash.events.v1.EventEnvelope.</summary>
    public byte[] Envelope { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public int Attempts { get; set; }
    public string LastError { get; set; } = "";
}
