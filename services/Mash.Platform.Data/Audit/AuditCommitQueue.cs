using System.Data;
using System.Data.Common;
using System.Threading.Channels;
using Mash.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Mash.Platform.Audit;

/// <summary>
/// Group commit for the audited saves of one process. Each entry of the audit chain links to the
/// one before it, so saves are appended one at a time; committing each alone would cost one
/// disk flush per call (a few milliseconds: a few hundred calls a second at most). Instead one
/// writer takes every save waiting at that moment and commits them in one transaction with one
/// flush. Each save with changes runs in a savepoint of its own (EF Core makes none inside it),
/// so one call's failure — a unique violation, a stale version — rolls back
/// that call's rows and audit entries only, and the chain goes on from the last save that stayed.
/// Saves of nothing but their entries (reads) cannot fail that way: they are written together.
/// A caller is answered only after the commit: acknowledged means on disk.
/// </summary>
/// <remarks>
/// When nothing else is waiting a save is committed at once, alone: batching adds no delay, it
/// only forms while a commit is in progress. On PostgreSQL the batch also takes
/// <see cref="AuditChainDatabaseLock"/>, so replicas' batches append one after the other.
/// Every command is a round trip to PostgreSQL, so statements travel together where they can: the lock
/// with the read of the chain's head, each save's savepoint (and the release of the one before it)
/// with its audit entries (<see cref="CommitSavepoints"/>).
/// </remarks>
public sealed class AuditCommitQueue : IAsyncDisposable, IDisposable
{
    /// <summary>Enough to absorb a burst; small enough that one batch holds the write lock briefly.</summary>
    public const int MaxBatch = 64;

    // Read by the one writer only, but not declared single-reader: that channel cannot count its items.
    private readonly Channel<PendingSave> _waiting = Channel.CreateUnbounded<PendingSave>();
    private readonly TimeProvider _time;
    private readonly Task _writer;
    private readonly WriterConnections _connections = new();
    private readonly SqliteWalLimit _walLimit;
    private PendingSave? _heldOver;
    private long _commits;
    private long _batchesTaken;

    public AuditCommitQueue(TimeProvider time)
        : this(time, new SqliteWalLimit())
    {
    }

    internal AuditCommitQueue(TimeProvider time, SqliteWalLimit walLimit)
    {
        _time = time;
        _walLimit = walLimit;
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>Transactions committed so far: fewer than saves when calls shared a commit.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Saves not yet taken into a commit: the queue's depth.</summary>
    public int Waiting => _waiting.Reader.Count;

    /// <summary>
    /// Batches closed and handed to a commit. A save queued after this moved cannot join that batch:
    /// tests wait on it, since the queue's depth reads zero while a batch is still being taken.
    /// </summary>
    internal long BatchesTaken => Interlocked.Read(ref _batchesTaken);

    /// <summary>
    /// Saves <paramref name="db"/>'s changes with <paramref name="call"/>'s audit entries and
    /// returns once they are committed, or throws what their save threw. Cancellation counts
    /// only while the save waits: once in a transaction its outcome is always reported.
    /// </summary>
    public Task SaveAsync(AuditedDbContext db, AuditedCall call, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("An audited save joins the audit chain's own transaction; commit or drop the caller's transaction first.");
        }

        var save = new PendingSave(db, call, cancellationToken);
        if (!_waiting.Writer.TryWrite(save))
        {
            throw new ObjectDisposedException(nameof(AuditCommitQueue), "The service is stopping; nothing was saved.");
        }

        return save.Done.Task;
    }

    /// <summary>Takes no more saves and waits for those already taken to be committed.</summary>
    public async ValueTask DisposeAsync()
    {
        _waiting.Writer.TryComplete();
        await _writer;
        await _connections.DisposeAsync();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task WriteAsync()
    {
        var batch = new List<PendingSave>(MaxBatch);
        while (_heldOver is not null || await _waiting.Reader.WaitToReadAsync())
        {
            TakeBatch(batch);
            if (batch.Count > 0)
            {
                Interlocked.Increment(ref _batchesTaken);
                await CommitAsync(batch);
            }

            batch.Clear();
        }
    }

    private void TakeBatch(List<PendingSave> batch)
    {
        if (_heldOver is { } first)
        {
            _heldOver = null;
            batch.Add(first);
        }

        while (batch.Count < MaxBatch && _waiting.Reader.TryRead(out var next))
        {
            if (next.CancellationToken.IsCancellationRequested)
            {
                next.Done.TrySetCanceled(next.CancellationToken);
                continue;
            }

            // One transaction is one database: a save for another waits for the next batch.
            if (batch.Count > 0 && !SameDatabase(batch[0].Db, next.Db))
            {
                _heldOver = next;
                return;
            }

            batch.Add(next);
        }
    }

    private async Task CommitAsync(List<PendingSave> batch)
    {
        // The first save's context runs the transaction, on the queue's own connection; the others join it.
        var owner = batch[0].Db;
        var lent = new BorrowedConnection(owner);
        var failed = false;
        DbConnection? writerConnection = null;
        try
        {
            var (transaction, head) = await BeginAsync(owner, lent);
            await using (transaction)
            {
                var dbTransaction = transaction.GetDbTransaction();
                var connection = writerConnection = dbTransaction.Connection!;
                var savepoints = new CommitSavepoints();
                var entriesOnly = batch.Where(save => !save.Db.ChangeTracker.HasChanges()).ToList();
                if (entriesOnly.Count > 0)
                {
                    head = await AppendInTransactionAsync(entriesOnly, owner, dbTransaction, head, savepoints);
                }

                foreach (var save in batch.Except(entriesOnly))
                {
                    head = await SaveInTransactionAsync(save, owner, connection, dbTransaction, head, savepoints);
                }

                await transaction.CommitAsync();
                Interlocked.Increment(ref _commits);
            }
        }
        catch (Exception commitFailed)
        {
            foreach (var save in batch)
            {
                save.Failure ??= commitFailed;
            }

            failed = true;
        }
        finally
        {
            await lent.ReturnAsync();
        }

        if (failed)
        {
            // The connection may be broken (a server restart): the next commit opens another.
            await _connections.DropAsync(owner);
        }

        // Only now: a failed save's caller may go on using its context, which the batch used until here.
        foreach (var save in batch)
        {
            if (save.Failure is null)
            {
                save.Done.TrySetResult();
            }
            else
            {
                save.Done.TrySetException(save.Failure);
            }
        }

        if (!failed && writerConnection is not null)
        {
            await KeepWalBoundedAsync(writerConnection);
        }
    }

    /// <summary>After the callers are answered: the saves waiting meanwhile go into the next commit a little later.</summary>
    private async Task KeepWalBoundedAsync(DbConnection connection)
    {
        try
        {
            await _walLimit.AfterCommitAsync(connection);
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException)
        {
            // Housekeeping of the file: nothing committed depends on it, and the writer must go on. The WAL stays
            // as it is, and the next commit tries again.
        }
    }

    /// <summary>
    /// Begins the commit's transaction on the queue's connection and reads the chain's head. A connection kept
    /// from an earlier commit may have been closed by the server since (a restart, an idle session timeout):
    /// when its first command fails so, nothing is written yet, and the commit begins once more on a new one.
    /// </summary>
    private async Task<(IDbContextTransaction Transaction, ChainHead Head)> BeginAsync(AuditedDbContext owner, BorrowedConnection lent)
    {
        while (true)
        {
            var (connection, kept) = await _connections.ForAsync(owner);
            lent.Lend(connection);
            var transaction = await owner.Database.BeginTransactionAsync();
            try
            {
                return (transaction, await ChainHead.LockAndReadAsync(owner, transaction.GetDbTransaction()));
            }
            catch (DbException) when (kept && connection.State != ConnectionState.Open)
            {
                await DisposeQuietlyAsync(transaction);
                await lent.ReturnAsync();
                await _connections.DropAsync(owner);
            }
            catch
            {
                await DisposeQuietlyAsync(transaction);
                throw;
            }
        }
    }

    private static async Task DisposeQuietlyAsync(IDbContextTransaction transaction)
    {
        try
        {
            await transaction.DisposeAsync();
        }
        catch (Exception)
        {
            // Rolling back on a broken connection fails; the server has ended the transaction already.
        }
    }

    /// <summary>
    /// The saves that add nothing but their entries (a read's, a refused call's) are written together,
    /// in plain SQL on the batch's connection, under one savepoint: no context, change tracking or
    /// savepoint for each. Written before the saves with changes, so when this fails nothing after
    /// them links to their entries.
    /// </summary>
    private async Task<ChainHead> AppendInTransactionAsync(
        List<PendingSave> saves, AuditedDbContext owner, DbTransaction transaction, ChainHead head, CommitSavepoints savepoints)
    {
        var entries = new List<AuditEntry>(saves.Count);
        var next = head;
        foreach (var save in saves)
        {
            var entriesOfSave = next.Extend(save.Call, Now());
            entries.AddRange(entriesOfSave);
            next = entriesOfSave.Count == 0 ? next : new ChainHead(entriesOfSave[^1].Sequence, entriesOfSave[^1].Hash);
        }

        if (entries.Count == 0)
        {
            return head;
        }

        var opening = savepoints.OpenNext(out var savepoint);
        try
        {
            await AuditEntryInsert.WriteAsync(owner, transaction, entries, opening);
            return next;
        }
        catch (Exception failed) when (failed is DbException or InvalidOperationException)
        {
            await transaction.RollbackAsync(savepoint);
            // What EF Core's save would have thrown, so callers handle it the same way.
            var refused = new DbUpdateException("The audit entries of the calls in this commit could not be written.", failed);
            foreach (var save in saves)
            {
                save.Failure = refused;
            }

            return head;
        }
    }

    /// <summary>
    /// A save with changes, in a savepoint of its own: its entries in plain SQL (as for reads), then its
    /// changes through EF Core, which makes no savepoint of its own inside this one. When either fails,
    /// rolling back to the savepoint takes back this save only.
    /// </summary>
    private async Task<ChainHead> SaveInTransactionAsync(
        PendingSave save, AuditedDbContext owner, DbConnection connection, DbTransaction transaction, ChainHead head, CommitSavepoints savepoints)
    {
        var db = save.Db;
        var entries = head.Extend(save.Call, Now());
        var borrowed = ReferenceEquals(db, owner) ? null : new BorrowedConnection(db);
        try
        {
            if (borrowed is not null)
            {
                await borrowed.JoinAsync(connection, transaction);
            }

            var opening = savepoints.OpenNextStatements(out var savepoint);
            var detecting = db.ChangeTracker.AutoDetectChangesEnabled;
            try
            {
                if (connection is NpgsqlConnection)
                {
                    // Sent with the save's own statements: one round trip a save, not two, while the batch's
                    // other callers wait on this one writer.
                    PlainInserts.SendFirst(db, AuditEntryInsert.ForBatch(owner, entries, opening));
                }
                else
                {
                    await AuditEntryInsert.WriteAsync(owner, transaction, entries, CommitSavepoints.AsSql(opening));
                }

                db.Database.AutoSavepointsEnabled = false;
                // The batch's HasChanges detected this context's changes a moment ago, and its caller is waiting, not
                // changing it: a second scan of every tracked entity in SaveChanges would find nothing new.
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (Exception failed)
            {
                if (PlainInserts.TakeUnsent(db) is { } unsent)
                {
                    // The save failed before its statements went: the savepoint is opened now, so that the one before
                    // it is released as the next save expects, and nothing of this save is left to roll back.
                    await PlainInserts.SendAsync(db, unsent, CancellationToken.None);
                }

                // Rolled back to before this save; a failure to roll back fails the whole commit.
                await transaction.RollbackAsync(savepoint);
                save.Failure = failed;
                return head;
            }
            finally
            {
                db.Database.AutoSavepointsEnabled = true;
                db.ChangeTracker.AutoDetectChangesEnabled = detecting;
            }

            return entries.Count == 0 ? head : new ChainHead(entries[^1].Sequence, entries[^1].Hash);
        }
        finally
        {
            if (borrowed is not null)
            {
                await borrowed.ReturnAsync();
            }
        }
    }

    /// <summary>Whole microseconds: PostgreSQL keeps no finer time, and the hash must cover what is stored.</summary>
    private DateTime Now()
    {
        var utcNow = _time.GetUtcNow().UtcDateTime;
        return utcNow.AddTicks(-(utcNow.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    private static bool SameDatabase(AuditedDbContext a, AuditedDbContext b) => WriterConnections.Key(a) == WriterConnections.Key(b);

    private sealed class PendingSave(AuditedDbContext db, AuditedCall call, CancellationToken cancellationToken)
    {
        public AuditedDbContext Db { get; } = db;
        public AuditedCall Call { get; } = call;
        public CancellationToken CancellationToken { get; } = cancellationToken;
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Exception? Failure { get; set; }
    }
}
