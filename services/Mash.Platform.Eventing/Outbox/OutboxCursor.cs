namespace Mash.Platform.Eventing.Outbox;

/// <summary>
/// Where the relay's next query for unpublished rows starts: after the last row it published, and from the start
/// of the outbox (a sweep) at most once per <c>sweepInterval</c>.
/// </summary>
/// <remarks>
/// <para>
/// Why not always from the start: on PostgreSQL a published row's old version stays in the outbox's indexes until
/// vacuum removes it, and a query for "unpublished, oldest first" walked every one of them. In the benchmark's
/// durable phase that was 2,900-3,300 entries and 5-16 ms of the server a query, about 18 times a second: the node's
/// most expensive statement (a bitmap scan never marks the dead entries it meets, and an ordered scan of the key
/// from its start filters them out one by one). Starting after the cursor, a query meets only what was committed
/// since; the sweeps still walk them, once per interval.
/// </para>
/// <para>
/// Why the sweep: a row committed after a later row was published lies behind the cursor. Today that does not happen
/// (every save goes through the audit trail, whose lock is held from before an outbox row takes its sequence until
/// commit, so sequence order is commit order; docs/postgresql.md), but the relay must not depend on it: the next
/// sweep publishes such a row, at most one interval late, never lost. A relay starting, or taking over from another
/// replica, sweeps first.
/// </para>
/// <para>Used by the relay's one loop at a time; not thread-safe.</para>
/// </remarks>
internal sealed class OutboxCursor(TimeProvider time, TimeSpan sweepInterval)
{
    private long _publishedUpTo;
    private long? _lastSweep;

    /// <summary>The highest sequence published through this cursor (0 before the first).</summary>
    public long PublishedUpTo => _publishedUpTo;

    /// <summary>The sequence the next query asks for rows after: 0 (the whole outbox; sequences start at 1) when a sweep is due.</summary>
    public long NextQueryAfter()
    {
        var now = time.GetTimestamp();
        if (_lastSweep is not { } last || time.GetElapsedTime(last, now) >= sweepInterval)
        {
            _lastSweep = now;
            return 0;
        }

        return _publishedUpTo;
    }

    /// <summary>Rows up to <paramref name="highestSequence"/> were published; the cursor never moves back.</summary>
    public void Published(long highestSequence) => _publishedUpTo = Math.Max(_publishedUpTo, highestSequence);
}
