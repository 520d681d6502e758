using Microsoft.EntityFrameworkCore;
using Mash.Platform.Errors;
using Mash.Platform.Persistence;
using Microsoft.Extensions.Options;

namespace Mash.Platform.Audit;

/// <summary>Appends this call's audit entries, alone or in the same transaction as its changes.</summary>
public sealed class AuditTrail(AuditCommitQueue commits, CallAudit call, IOptions<AuditOptions> options, IEnumerable<IAuditedCallObserver> observers)
{
    /// <summary>
    /// Saves the handler's changes and the audit entries for every touched record in one
    /// transaction: a write is never stored without its audit entry, nor the other way round.
    /// </summary>
    public async Task SaveChangesWithAuditAsync(AuditedDbContext db, CancellationToken cancellationToken)
    {
        RequirePractitionerForWrite(db);
        await SaveAsync(db, "OK", cancellationToken);
    }

    /// <summary>
    /// As <see cref="SaveChangesWithAuditAsync"/>, for a change to a record guarded by its version:
    /// when someone else changed <paramref name="what"/> meanwhile, the caller gets ABORTED.
    /// </summary>
    public async Task SaveVersionedChangesWithAuditAsync(AuditedDbContext db, string what, CancellationToken cancellationToken)
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
    public async Task AppendAsync(AuditedDbContext db, string outcome, CancellationToken cancellationToken)
    {
        if (call.Subjects.Count == 0)
        {
            return;
        }

        await SaveAsync(db, outcome, cancellationToken);
    }

    private async Task SaveAsync(AuditedDbContext db, string outcome, CancellationToken cancellationToken)
    {
        var audited = AuditedCall.Of(call, outcome);
        foreach (var observer in observers)
        {
            // In the same transaction as the entries (an access notice for the node whose record was read).
            observer.BeforeCommit(db, call, audited);
        }

        await commits.SaveAsync(db, audited, cancellationToken);
        call.Persisted = true;
    }

    /// <summary>
    /// Where the area requires it (<c>Mash:Audit:RequirePractitionerForWrites</c>), a caller's
    /// change to a child's record must name the person it acts for; refused before anything is stored.
    /// </summary>
    private void RequirePractitionerForWrite(AuditedDbContext db)
    {
        if (options.Value.RequirePractitionerForWrites && call.IsCallerRequest && !call.Practitioner.IsKnown
            && call.Subjects.Count > 0 && db.ChangeTracker.HasChanges())
        {
            throw RpcErrors.FailedPrecondition(PractitionerHeaders.Id, "PRACTITIONER_REQUIRED",
                $"A change to a child's record must name the practitioner: send {PractitionerHeaders.Id} " +
                $"(with {PractitionerHeaders.Name} and {PractitionerHeaders.Role}) or call with a delegated user token.");
        }
    }
}
