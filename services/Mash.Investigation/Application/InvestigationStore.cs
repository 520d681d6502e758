using Mash.Investigation.Data;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Idempotency;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Investigation.Application;

/// <summary>Investigations read to change them, saved with their audit entries and version, once per idempotency key.</summary>
internal sealed class InvestigationStore(InvestigationDbContext db, CallAudit audit, AuditTrail trail, ServiceClock clock)
{
    public InvestigationDbContext Db => db;

    public CallAudit Audit => audit;

    public async Task<InvestigationRecord> LoadAsync(string id, bool tracked, CancellationToken cancellationToken)
    {
        var query = tracked ? db.InvestigationsWithParts : db.InvestigationsWithParts.AsNoTracking();
        var record = await query.FirstOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw RpcErrors.NotFound("investigation", id);
        Touch(record);
        return record;
    }

    /// <summary>Every child of the investigation is a subject of the call's audit entry.</summary>
    public void Touch(InvestigationRecord record)
    {
        foreach (var child in record.Children)
        {
            audit.Touch(child.ChildKey, record.Id);
        }
    }

    /// <summary>The children of these investigations are the audit's subjects of a read of their parts (devices, files, audits).</summary>
    public async Task TouchChildrenAsync(IEnumerable<string> investigationIds, CancellationToken cancellationToken)
    {
        var ids = investigationIds.Distinct().ToList();
        var children = await db.InvestigationChildren.AsNoTracking().Where(c => ids.Contains(c.InvestigationId))
            .Select(c => new { c.ChildKey, c.InvestigationId }).ToListAsync(cancellationToken);
        children.ForEach(c => audit.Touch(c.ChildKey, c.InvestigationId));
    }

    /// <summary>
    /// A change to one investigation or a part of it, once per key: the investigation is read, changed (answering the
    /// id of what changed), the key remembered and all saved together; a retry is answered by <paramref name="replay"/>.
    /// </summary>
    public Task<T> ChangeOnceAsync<T>(string key, string method, string fingerprint, string investigationId, Func<InvestigationRecord, string> change,
        Func<string, CancellationToken, Task<T>> replay, Func<InvestigationRecord, string, CancellationToken, Task<T>> view, CancellationToken cancellationToken)
    {
        audit.RequireStatedPurpose();
        return OnceAsync(key, method, fingerprint, replay, async ct =>
        {
            var record = await LoadAsync(investigationId, tracked: true, ct);
            var targetId = change(record);
            Remember(key, method, fingerprint, targetId, clock.UtcNow);
            await SaveAsync(record, ct);
            return await view(record, targetId, ct);
        }, cancellationToken);
    }

    public Task<T> OnceAsync<T>(string key, string method, string fingerprint, Func<string, CancellationToken, Task<T>> replay,
        Func<CancellationToken, Task<T>> create, CancellationToken cancellationToken) =>
        KeyedCommands.OnceAsync(db, audit.Caller.ClientId, key, method, fingerprint, replay, create, cancellationToken);

    public void Remember(string key, string method, string fingerprint, string targetId, DateTime nowUtc) =>
        KeyedCommands.Remember(db, audit.Caller.ClientId, key, method, fingerprint, targetId, nowUtc);

    /// <summary>
    /// Saves the changes and the audit entries in one transaction. The investigation's version moves on with every
    /// change, so two commands racing on it cannot both win: the loser is ABORTED and retries with the same key.
    /// </summary>
    public async Task SaveAsync(InvestigationRecord changed, CancellationToken cancellationToken)
    {
        changed.Version++;
        try
        {
            await trail.SaveChangesWithAuditAsync(db, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw RpcErrors.Aborted("The investigation was changed by someone else at the same time; read it again and retry (with the same idempotency key).");
        }
    }
}
