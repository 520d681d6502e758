using Mash.Investigation.Data;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace Mash.Investigation.Application;

/// <summary>Investigations read to change them, saved with their audit entries and version, once per idempotency key.</summary>
internal sealed class InvestigationStore(InvestigationDbContext db, CallAudit audit, AuditTrail trail)
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

    public static string NewId(string prefix, DateTimeOffset now) => prefix + Guid.CreateVersion7(now).ToString("N");
}
