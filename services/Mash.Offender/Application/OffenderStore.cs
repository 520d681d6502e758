using Mash.Offender.Data;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Idempotency;
using Mash.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Mash.Offender.IntegrationEvents;

namespace Mash.Offender.Application;

/// <summary>
/// Reading offenders to change them, saving with the audit entries and optimistic concurrency,
/// and the idempotency keys of commands.
/// </summary>
internal sealed class OffenderStore(OffenderDbContext db, CallAudit audit, AuditTrail trail)
{
    public OffenderDbContext Db => db;

    /// <summary>The offender with everything, tracked; NOT_FOUND when there is none.</summary>
    public async Task<OffenderRecord> LoadAsync(string id, CancellationToken cancellationToken) =>
        await db.OffendersWithParts.FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
        ?? throw RpcErrors.NotFound("offender", id);

    public async Task<OffenderRecord> ReadAsync(string id, CancellationToken cancellationToken) =>
        await db.OffendersWithParts.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
        ?? throw RpcErrors.NotFound("offender", id);

    /// <summary>
    /// Saves the changes, the audit entries and any events in one transaction. Every command moves
    /// the offender's version on, so two commands racing on one offender cannot both win: the
    /// loser is ABORTED and retries (a retry with the same idempotency key is then answered as one).
    /// </summary>
    public Task SaveAsync(OffenderRecord changed, CancellationToken cancellationToken) =>
        SaveAsync(changed, abortOnUniqueViolation: true, cancellationToken);

    /// <summary>
    /// A command under an idempotency key, in the platform's one order (<see cref="CreateOnce{TEarlier, TResult}"/>):
    /// a retry is answered by <paramref name="replay"/>, anything else under the key refused; <paramref name="create"/>
    /// saves with <see cref="SaveCommandAsync"/>, so a concurrent retry that stored the key first is a replay too.
    /// </summary>
    /// <param name="refuseConflict">The command's own refusal when a save meets another of its unique rules (a PNC id registered meanwhile).</param>
    public Task<T> OnceAsync<T>(
        string key, string method, string fingerprint, Func<CommandRecord, CancellationToken, Task<T>> replay, Func<CancellationToken, Task<T>> create,
        CancellationToken cancellationToken, Func<CancellationToken, Task>? refuseConflict = null) =>
        new CreateOnce<CommandRecord, T>(db, "command")
        {
            FindByKey = ct => FindCommandAsync(key, ct),
            Replay = (earlier, ct) => replay(CheckRetry(earlier, method, fingerprint), ct),
            Create = create,
            RefuseConflict = refuseConflict,
        }.RunAsync(cancellationToken);

    /// <summary>As <see cref="SaveAsync(OffenderRecord, CancellationToken)"/>, leaving a taken key to <see cref="OnceAsync"/>.</summary>
    public Task SaveCommandAsync(OffenderRecord changed, CancellationToken cancellationToken) =>
        SaveAsync(changed, abortOnUniqueViolation: false, cancellationToken);

    private async Task SaveAsync(OffenderRecord changed, bool abortOnUniqueViolation, CancellationToken cancellationToken)
    {
        changed.Version++;
        try
        {
            await trail.SaveChangesWithAuditAsync(db, cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || (abortOnUniqueViolation && DbErrors.IsUniqueViolation(e)))
        {
            db.ChangeTracker.Clear();
            throw RpcErrors.Aborted("The offender was changed by someone else at the same time; read it again and retry (with the same idempotency key).");
        }
    }

    public Task<CommandRecord?> FindCommandAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        db.Commands.AsNoTracking()
            .FirstOrDefaultAsync(c => c.ClientId == audit.Caller.ClientId && c.IdempotencyKey == idempotencyKey, cancellationToken);

    public void Remember(string idempotencyKey, string method, string fingerprint, string offenderId, string resultId, DateTime nowUtc) =>
        db.Commands.Add(new CommandRecord
        {
            ClientId = audit.Caller.ClientId,
            IdempotencyKey = idempotencyKey,
            Method = method,
            RequestHash = fingerprint,
            OffenderId = offenderId,
            ResultId = resultId,
            AcceptedAt = nowUtc,
        });

    /// <summary>The same command again is a retry; anything else under the key is refused.</summary>
    private static CommandRecord CheckRetry(CommandRecord earlier, string method, string fingerprint)
    {
        IdempotencyKeys.CheckRetry(earlier.Method + " " + earlier.RequestHash, method + " " + fingerprint, "command");
        return earlier;
    }
}
