namespace Mash.Platform.Eventing.Outbox;

/// <summary>
/// How far this process's relay has sent the outbox: the rows up to <see cref="SentThrough"/> were accepted by the
/// broker, though they may wait up to <see cref="EventingOptions.OutboxStampDelay"/> to be stamped published. The
/// gauges count what waits for the broker from here, not what waits for its stamp.
/// </summary>
public sealed class OutboxProgress
{
    private long _sentThrough;

    /// <summary>The last row the broker accepted from this process's relay; 0 before the first or while another replica publishes.</summary>
    public long SentThrough
    {
        get => Interlocked.Read(ref _sentThrough);
        internal set => Interlocked.Exchange(ref _sentThrough, value);
    }
}
