using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mash.Platform.Eventing.Outbox;

/// <summary>
/// Notifies the relay after a commit that wrote outbox rows: at once after SaveChanges when it
/// had its own transaction, or when the explicit transaction it joined commits — which may be
/// another context's (a group commit, see <see cref="Audit.AuditCommitQueue"/>), so a pending
/// notification is kept by transaction, not by context.
/// </summary>
internal sealed class OutboxCommitInterceptor(OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<object, object> Pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Track(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Track(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NotifyIfCommitted(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NotifyIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => NotifyPending(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        NotifyPending(transaction);
        return Task.CompletedTask;
    }

    private static void Track(DbContext? context)
    {
        if (context is not null && HasOutboxRowsAdded(context.ChangeTracker))
        {
            Pending.AddOrUpdate(context.Database.CurrentTransaction?.GetDbTransaction() ?? (object)context, true);
        }
    }

    /// <summary>
    /// Without detecting changes, which scans every tracked entity and which the save does next anyway: outbox rows
    /// are only ever added to their set (<see cref="EventOutbox"/>), and that tracks them as added at once.
    /// </summary>
    private static bool HasOutboxRowsAdded(ChangeTracker tracker)
    {
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return tracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
    }

    private void NotifyIfCommitted(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            NotifyPending(context);
        }
    }

    private void NotifyPending(object pendingKey)
    {
        if (Pending.Remove(pendingKey))
        {
            signal.Notify();
        }
    }
}
