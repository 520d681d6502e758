namespace Mash.Platform.Eventing.Outbox;

/// <summary>
/// Where the relay's next query for unpublished rows starts: after the last row it published, and from the start
/// of the outbox (a sweep) at most once per <c>sweepInterval</c>.
/// </summary>
/// <remarks>
/// <para>
/// Why not always from the start: on PostgreSQL a published row's old version stays in the outbox's indexes until
/// vacuum removes it, and a query for "unpublished, oldest first" walked every one of them. In the benchmark's
/// durable phase that was 2,200-3,300 rows and 5-16 ms of the server a query, twenty times a second, the most
/// expensive statement of the node (a bitmap scan never marks the dead entries it meets, and an ordered scan of the
/// key from its start filters them out one by one). Starting after the cursor, the query meets only what was
/// committed since.
/// </para>
/// <para>
/// Why the sweep: a row can be committed after a later row was published (its transaction took its sequence first
/// and committed last). It then lies behind the cursor, and the next sweep publishes it: at most one interval late,
/// never lost. A relay starting, or taking over from another replica, sweeps first.
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
