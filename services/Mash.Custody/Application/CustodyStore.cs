using Mash.Custody.Data;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace Mash.Custody.Application;

/// <summary>Detentions and requests read to change them, saved with their audit entries and version, under idempotency keys.</summary>
internal sealed class CustodyStore(CustodyDbContext db, CallAudit audit, AuditTrail trail)
{
    public CustodyDbContext Db => db;

    public async Task<DetentionRecord> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var record = await db.DetentionsWithParts.FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw RpcErrors.NotFound("detention", id);
        audit.Touch(record.ChildKey, record.Id);
        return record;
    }

    /// <summary>A command once per idempotency key (<see cref="KeyedCommands.OnceAsync"/>).</summary>
    public Task<T> OnceAsync<T>(string key, string method, string fingerprint, Func<string, CancellationToken, Task<T>> replay,
        Func<CancellationToken, Task<T>> create, CancellationToken cancellationToken) =>
        KeyedCommands.OnceAsync(db, audit.Caller.ClientId, key, method, fingerprint, replay, create, cancellationToken);

    public void Remember(string key, string method, string fingerprint, string targetId, DateTime nowUtc) =>
        KeyedCommands.Remember(db, audit.Caller.ClientId, key, method, fingerprint, targetId, nowUtc);

    /// <summary>
    /// Saves the changes, the audit entries and any events in one transaction. A detention's version
    /// moves on with every change, so two commands racing on it cannot both win: the loser is ABORTED
    /// and retries with the same key. A key stored meanwhile by a concurrent retry is left to <see cref="OnceAsync"/>.
    /// </summary>
    public async Task SaveAsync(DetentionRecord changed, CancellationToken cancellationToken)
    {
        changed.Version++;
        await SaveAsync(cancellationToken);
    }

    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await trail.SaveChangesWithAuditAsync(db, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw RpcErrors.Aborted("The record was changed by someone else at the same time; read it again and retry (with the same idempotency key).");
        }
    }
}
