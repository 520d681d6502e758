namespace Mash.Platform.Eventing.Inbox;

/// <summary>
/// The events of one subscription waiting to be applied together. The first to arrive while nothing is being applied
/// starts a drain: it takes every event waiting then (up to <paramref name="maxBatch"/>) and applies them as one batch,
/// then the events that arrived meanwhile, until none wait. A lone event is applied at once, so batching adds no delay:
/// batches form only while one is being applied, as the group commit's do. No task runs while nothing waits.
/// </summary>
/// <param name="apply">Applies a batch and sets each event's outcome; never throws.</param>
internal sealed class EventBatches(int maxBatch, Func<IReadOnlyList<PendingEvent>, Task> apply)
{
    private readonly Lock _gate = new();
    private readonly Queue<PendingEvent> _waiting = new();
    private bool _draining;

    /// <summary>Completes once the event is applied (or found applied before); throws what applying it alone threw.</summary>
    public Task ApplyAsync(PendingEvent pending)
    {
        lock (_gate)
        {
            _waiting.Enqueue(pending);
            if (_draining)
            {
                return pending.Done.Task.WaitAsync(pending.CancellationToken);
            }

            _draining = true;
        }

        _ = DrainAsync();
        return pending.Done.Task.WaitAsync(pending.CancellationToken);
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            var batch = new List<PendingEvent>(Math.Min(maxBatch, 16));
            lock (_gate)
            {
                while (batch.Count < maxBatch && _waiting.TryDequeue(out var next))
                {
                    if (next.CancellationToken.IsCancellationRequested)
                    {
                        // Its delivery is being handed back (the service is stopping): not applied, redelivered later.
                        next.Done.TrySetCanceled(next.CancellationToken);
                        continue;
                    }

                    batch.Add(next);
                }

                if (batch.Count == 0)
                {
                    _draining = false;
                    return;
                }
            }

            try
            {
                await apply(batch);
            }
            catch (Exception unexpected)
            {
                // Never left waiting, and the drain goes on: a batch that threw past its own handling fails its events.
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(unexpected);
                }
            }
        }
    }
}
