using Mash.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mash.Platform.Audit;

/// <summary>
/// The audit chain's lock across replicas: on PostgreSQL, several processes write one database,
/// and <see cref="AuditCommitQueue"/> only orders the saves of one process. A transaction-scoped
/// advisory lock, taken before the last entry is read, makes every append wait for the one
/// before it to commit or roll back, so each entry links to the true last one: one linear chain.
/// SQLite needs nothing more: it has one writer process (and one write transaction) at a time.
/// </summary>
/// <remarks>
/// Every save of a service goes through <see cref="AuditCommitQueue"/>, so this lock also orders the
/// outbox: a row's sequence is drawn and committed while the lock is held, hence outbox
/// sequence order is commit order and the relay never sees a later row commit before an
/// earlier one (see <see cref="Eventing.Outbox.OutboxLeadership"/>).
/// </remarks>
public static class AuditChainDatabaseLock
{
    /// <summary>Any fixed number: advisory locks are per database, and each service has its own.</summary>
    public const long Key = 0x4D415348_41554454; // "MASHAUDT"

    /// <summary>
    /// The statement that waits for the lock, for the database that needs one (PostgreSQL), or null: a
    /// group commit sends it with its read of the chain's head, in one round trip.
    /// </summary>
    public static string? Statement(AuditedDbContext db) => db.Database.IsNpgsql() ? $"SELECT pg_advisory_xact_lock({Key})" : null;

    /// <summary>Waits for the lock inside the caller's transaction; it is released at commit or rollback.</summary>
    public static async Task AcquireAsync(AuditedDbContext db, CancellationToken cancellationToken)
    {
        if (Statement(db) is { } takeLock)
        {
            await db.Database.ExecuteSqlRawAsync(takeLock, cancellationToken);
        }
    }
}
