namespace Mash.Platform.Eventing.Local;

/// <summary>
/// Completions written together: every completion waiting when a write starts goes into one lazy
/// transaction, as the audit group commit does for saves. Completing is the commonest write a
/// consumer makes (one per delivered event), and in a transaction of its own each paid for the
/// broker's write lock, a WAL commit and the pages it changed, again and again for the same pages.
/// </summary>
/// <remarks>
/// The first caller to find no write under way writes the waiting completions, its own among them,
/// on its own thread; completions that arrived meanwhile are written next, from the thread pool.
/// Each caller waits for the batch that took its completion. Each delivery's lock is checked on
/// its own: one whose lock was lost fails alone, the rest of its batch completes. A transaction that
/// fails (the file stayed busy) fails every completion in it, and each handler's message is then
/// abandoned as when a completion on its own failed.
/// </remarks>
internal sealed class CompletionBatches(SqlitePool pool)
{
    private readonly Lock _gate = new();
    private List<Waiting> _waiting = [];
    private bool _writing;
    private int _transactions;
    private int _received;

    /// <summary>Transactions written so far (for tests: how many completions shared one).</summary>
    public int Transactions => Volatile.Read(ref _transactions);

    /// <summary>Completions asked for so far, written or waiting (for tests: when all have arrived).</summary>
    public int Received => Volatile.Read(ref _received);

    public Task CompleteAsync(Delivery delivery)
    {
        var waiting = new Waiting(delivery);
        lock (_gate)
        {
            _waiting.Add(waiting);
            _received++;
            if (_writing)
            {
                return waiting.Done.Task;
            }

            _writing = true;
        }

        WriteWaiting();
        return waiting.Done.Task;
    }

    /// <summary>
    /// Writes one batch, then hands the writing on to the thread pool while more are waiting: the caller that
    /// started it writes its own batch, never others' without end under steady load.
    /// </summary>
    private void WriteWaiting()
    {
        List<Waiting> batch;
        lock (_gate)
        {
            (batch, _waiting) = (_waiting, []);
        }

        Write(batch);
        lock (_gate)
        {
            if (_waiting.Count == 0)
            {
                _writing = false;
                return;
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(static batches => batches.WriteWaiting(), this, preferLocal: false);
    }

    private void Write(List<Waiting> batch)
    {
        bool[] completed;
        try
        {
            // Lazily: a completion lost in a power cut only means one more delivery (see SqlitePool.WriteLazily).
            completed = pool.WriteLazily(tx =>
            {
                var held = new bool[batch.Count];
                for (var i = 0; i < batch.Count; i++)
                {
                    var delivery = batch[i].Delivery;
                    if (SessionQueue.HoldsLock(tx, delivery))
                    {
                        SessionQueue.RemoveHead(tx, delivery.SubscriptionId, delivery.SessionId, delivery.Sequence);
                        held[i] = true;
                    }
                }

                return held;
            });
            Interlocked.Increment(ref _transactions);
        }
        catch (Exception exception)
        {
            foreach (var waiting in batch)
            {
                waiting.Done.TrySetException(exception);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (completed[i])
            {
                batch[i].Done.TrySetResult();
            }
            else
            {
                batch[i].Done.TrySetException(new MessageLockLostException());
            }
        }
    }

    private sealed record Waiting(Delivery Delivery)
    {
        // Asynchronously: a waiter's continuation must not run on the writer's thread, holding up the next batch.
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
