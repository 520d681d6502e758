using Microsoft.EntityFrameworkCore;
using Mash.Platform.Errors;
using Mash.Platform.Persistence;

namespace Mash.Platform.Audit;

/// <summary>Appends this call's audit entries, alone or in the same transaction as its changes.</summary>
public sealed class AuditTrail(AuditChainLock chainLock, CallAudit call, TimeProvider time)
{
    /// <summary>
    /// Saves the handler's changes and the audit entries for every touched record in one
    /// transaction: a write is never stored without its audit entry, nor the other way round.
    /// </summary>
    public async Task SaveChangesWithAuditAsync(MashDbContext db, CancellationToken cancellationToken)
    {
        using (await chainLock.AcquireAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await AuditChainDatabaseLock.AcquireAsync(db, cancellationToken);
            await AddEntriesAsync(db, "OK", cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            call.Persisted = true;
        }
    }

    /// <summary>
    /// As <see cref="SaveChangesWithAuditAsync"/>, for a change to a record guarded by its version:
    /// when someone else changed <paramref name="what"/> meanwhile, the caller gets ABORTED.
    /// </summary>
    public async Task SaveVersionedChangesWithAuditAsync(MashDbContext db, string what, CancellationToken cancellationToken)
    {
        try
        {
            await SaveChangesWithAuditAsync(db, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw RpcErrors.Aborted($"The {what} was changed by someone else at the same time; read it again and retry.");
        }
    }

    /// <summary>Appends entries for a call that changed nothing: a read, or a refused write.</summary>
    public async Task AppendAsync(MashDbContext db, string outcome, CancellationToken cancellationToken)
    {
        if (call.Subjects.Count == 0)
        {
            return;
        }

        using (await chainLock.AcquireAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await AuditChainDatabaseLock.AcquireAsync(db, cancellationToken);
            await AddEntriesAsync(db, outcome, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            call.Persisted = true;
        }
    }

    private async Task AddEntriesAsync(MashDbContext db, string outcome, CancellationToken cancellationToken)
    {
        var last = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var sequence = last?.Sequence ?? 0;
        var previousHash = last?.Hash ?? AuditHasher.Genesis;
        // Whole microseconds: PostgreSQL keeps no finer time, and the hash must cover what is stored.
        var utcNow = time.GetUtcNow().UtcDateTime;
        var now = utcNow.AddTicks(-(utcNow.Ticks % TimeSpan.TicksPerMicrosecond));
        foreach (var subject in call.Subjects)
        {
            var entry = new AuditEntry
            {
                Sequence = ++sequence,
                OccurredAt = now,
                Agency = call.Caller.Agency,
                ClientId = call.Caller.ClientId,
                Method = call.Method,
                ChildKey = subject.ChildKey,
                RecordId = subject.RecordId,
                Purpose = call.Purpose,
                LawfulBasis = call.LawfulBasis,
                Outcome = outcome,
                PreviousHash = previousHash,
            };
            entry.Hash = AuditHasher.Compute(entry);
            previousHash = entry.Hash;
            db.AuditEntries.Add(entry);
        }
    }
}
