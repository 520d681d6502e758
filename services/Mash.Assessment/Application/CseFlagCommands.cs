using Mash.Platform.Time;
using Google.Protobuf;
using Mash.Assessment.Data;
using Mash.Assessment.Domain;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Idempotency;
using Mash.Platform.Identity;
using Mash.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mash.Assessment.IntegrationEvents;

namespace Mash.Assessment.Application;

/// <summary>
/// CSE flags: raised once per idempotency key, at most one active per child, reviewed and cleared
/// with provenance. Each change is shared with partner nodes in the transaction that stores it.
/// </summary>
internal sealed class CseFlagCommands(
    AssessmentDbContext db, CallAudit audit, AuditTrail trail, EventOutbox outbox, ChildRecords children, ChildKeyHasher childKeys,
    ServiceClock clock, IOptions<CseScreeningOptions> screening)
{
    public async Task<CseFlag> RaiseAsync(RaiseCseFlagRequest request, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        CseFlagRules.Validate(request, today, screening.Value.NeverLowUnderAge).ThrowIfAny("The CSE flag cannot be raised.");
        audit.RequireStatedPurpose("Child sexual exploitation flag", request.LawfulBasis);

        var fingerprint = RequestFingerprint.Of(request);
        var childKey = childKeys.KeyFor(request.Child);
        var id = RecordIds.New("cse_", clock.Now);
        return await new CreateOnce<CseFlagRecord, CseFlag>(db, "flag")
        {
            FindByKey = ct => FindByKeyAsync(request.IdempotencyKey, ct),
            Replay = (earlier, _) => Task.FromResult(Replay(earlier, fingerprint)),
            Create = async ct => await ReplayOrRefuseIfActiveAsync(childKey, request.IdempotencyKey, fingerprint, ct)
                ?? await CreateAsync(id, childKey, request, fingerprint, ct),
            RefuseConflict = ct => ReplayOrRefuseIfActiveAsync(childKey, request.IdempotencyKey, fingerprint, ct),
            Discarded = () => audit.Forget(id),
        }.RunAsync(cancellationToken);
    }

    private async Task<CseFlag> CreateAsync(string id, string childKey, RaiseCseFlagRequest request, string fingerprint, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var flag = new CseFlagRecord
        {
            Id = id,
            ChildKey = childKey,
            ChildMatch = (ChildIdentityRules.IsConfirmed(request.Child) ? ChildMatchStatus.Confirmed : ChildMatchStatus.Unconfirmed),
            Child = request.Child.ToByteArray(),
            Risk = request.Risk,
            Active = true,
            RaisedAt = now,
            LawfulBasis = request.LawfulBasis,
            ClientId = audit.Caller.ClientId,
            IdempotencyKey = request.IdempotencyKey,
            RequestHash = fingerprint,
        };
        flag.Keep(CseSuspectRules.Normalise(request.Suspect));
        flag.Keep(CseSuspectRules.Normalise(request.Contact));
        var raised = Change(flag, FlagAction.Raised, request.Risk, request.Reason, request.Evidence, now);
        if (!await db.CseFlags.AnyAsync(f => f.ChildKey == childKey, cancellationToken))
        {
            children.FirstRecorded(db, request.Child, childKey, request.LawfulBasis, audit.Purpose);
        }

        db.CseFlags.Add(flag);
        outbox.ShareWithPartners(db, Topics.CseFlags, AssessmentEvents.CseFlagChanged(flag, raised), childKey, IsConfirmed(flag.ChildMatch), request.LawfulBasis, audit.Purpose, flag.Id);
        RequireStrategyDiscussionIfHigh(flag, raised, request.LawfulBasis);
        LinkNamedOffender(flag, raised, namedBefore: "", request.LawfulBasis);
        audit.Touch(childKey, flag.Id);
        await trail.SaveChangesWithAuditAsync(db, cancellationToken);
        return flag.ToContract();
    }

    public async Task<CseFlag> ReviewAsync(ReviewCseFlagRequest request, CancellationToken cancellationToken)
    {
        CseFlagRules.Validate(request).ThrowIfAny("The CSE flag cannot be reviewed.");
        audit.RequireStatedPurpose();

        var flag = await LoadActiveAsync(request.FlagId, "reviewed", cancellationToken);
        var age = ChildAge.Of(AssessmentMapper.ChildOf(flag.Child), clock.Today);
        CseFlagRules.CheckAge(request.Risk, age, screening.Value.NeverLowUnderAge).ThrowIfAny("The CSE flag cannot be reviewed.");

        // Absent, the flag's suspect and contact are kept; given, they replace them.
        var suspect = request.Suspect is null ? flag.Suspect() : CseSuspectRules.Normalise(request.Suspect);
        var contact = request.Contact is null ? flag.Contact() : CseSuspectRules.Normalise(request.Contact);
        var last = flag.History.OrderBy(h => h.ChangedAt).ThenBy(h => h.Id).Last();
        if (last.Action == FlagAction.Reviewed && last.Risk == request.Risk && last.Reason == request.Reason && last.Evidence == request.Evidence
            && Equals(suspect, flag.Suspect()) && Equals(contact, flag.Contact()))
        {
            // A retry of the review just recorded.
            return flag.ToContract();
        }

        var namedBefore = flag.SuspectOffenderId;
        flag.Risk = request.Risk;
        flag.Keep(suspect);
        flag.Keep(contact);
        var reviewed = Change(flag, FlagAction.Reviewed, request.Risk, request.Reason, request.Evidence, clock.UtcNow);
        LinkNamedOffender(flag, reviewed, namedBefore, flag.LawfulBasis);
        await ShareAndSaveAsync(flag, reviewed, cancellationToken);
        return flag.ToContract();
    }

    public async Task<CseFlag> ClearAsync(ClearCseFlagRequest request, CancellationToken cancellationToken)
    {
        CseFlagRules.Validate(request).ThrowIfAny("The CSE flag cannot be cleared.");
        audit.RequireStatedPurpose();

        var flag = await LoadActiveAsync(request.FlagId, "cleared", cancellationToken);
        var now = clock.UtcNow;
        flag.Active = false;
        flag.ClearedAt = now;
        var cleared = Change(flag, FlagAction.Cleared, flag.Risk, request.Reason, request.Evidence, now);
        await ShareAndSaveAsync(flag, cleared, cancellationToken);
        return flag.ToContract();
    }

    private CseFlagHistoryRecord Change(CseFlagRecord flag, FlagAction action, CseRisk risk, string reason, string evidence, DateTime now)
    {
        var change = new CseFlagHistoryRecord
        {
            FlagId = flag.Id,
            Action = action,
            Risk = risk,
            Reason = reason,
            Evidence = evidence,
            ChangedBy = audit.Caller.ClientId,
            ChangedByAgency = audit.Caller.Agency,
            ChangedAt = now,
        };
        flag.History.Add(change);
        return change;
    }

    /// <summary>Later changes are shared under the lawful basis the flag was raised with.</summary>
    private async Task ShareAndSaveAsync(CseFlagRecord flag, CseFlagHistoryRecord change, CancellationToken cancellationToken)
    {
        outbox.ShareWithPartners(db, Topics.CseFlags, AssessmentEvents.CseFlagChanged(flag, change), flag.ChildKey, IsConfirmed(flag.ChildMatch), flag.LawfulBasis, audit.Purpose, flag.Id);
        RequireStrategyDiscussionIfHigh(flag, change, flag.LawfulBasis);
        flag.Version++;
        await trail.SaveVersionedChangesWithAuditAsync(db, "flag", cancellationToken);
    }

    private async Task<CseFlagRecord> LoadActiveAsync(string id, string verb, CancellationToken cancellationToken)
    {
        var flag = await db.CseFlags.Include(f => f.History).FirstOrDefaultAsync(f => f.Id == id, cancellationToken)
            ?? throw RpcErrors.NotFound("CSE flag", id);
        audit.Touch(flag.ChildKey, flag.Id);
        return flag.Active
            ? flag
            : throw RpcErrors.FailedPrecondition(flag.Id, "CSE_FLAG_CLEARED", $"The flag was cleared and cannot be {verb}; raise a new flag if the risk has returned.");
    }

    /// <summary>
    /// One active flag per child. The active flag may be this very request, stored by a concurrent retry
    /// between our key lookup and now: that is a replay, not a second flag.
    /// </summary>
    private async Task<CseFlag?> ReplayOrRefuseIfActiveAsync(string childKey, string key, string fingerprint, CancellationToken cancellationToken)
    {
        var active = await db.CseFlags.AsNoTracking().Include(f => f.History)
            .FirstOrDefaultAsync(f => f.ChildKey == childKey && f.Active, cancellationToken);
        if (active is null)
        {
            return null;
        }

        if (active.ClientId == audit.Caller.ClientId && active.IdempotencyKey == key)
        {
            return Replay(active, fingerprint);
        }

        audit.Touch(childKey, active.Id);
        throw RpcErrors.FailedPrecondition(active.Id, "CSE_FLAG_ACTIVE",
            $"The child already has an active CSE flag ({active.Id}): review it (ReviewCseFlag) instead of raising another.");
    }

    private Task<CseFlagRecord?> FindByKeyAsync(string key, CancellationToken cancellationToken) =>
        db.CseFlags.AsNoTracking().Include(f => f.History)
            .FirstOrDefaultAsync(f => f.ClientId == audit.Caller.ClientId && f.IdempotencyKey == key, cancellationToken);

    private CseFlag Replay(CseFlagRecord earlier, string fingerprint)
    {
        IdempotencyKeys.CheckRetry(earlier.RequestHash, fingerprint, "flag");
        audit.Touch(earlier.ChildKey, earlier.Id);
        return earlier.ToContract();
    }

    private static bool IsConfirmed(ChildMatchStatus childMatch) => childMatch == ChildMatchStatus.Confirmed;

    /// <summary>
    /// A flag newly naming an offender managed at this node links the child to them there (the Offender
    /// service, through the outbox in this transaction), so a later change in their risk reaches the child.
    /// </summary>
    private void LinkNamedOffender(CseFlagRecord flag, CseFlagHistoryRecord change, string namedBefore, LawfulBasis basis)
    {
        if (flag.SuspectOffenderId.Length > 0 && flag.SuspectOffenderId != namedBefore)
        {
            outbox.Enqueue(db, Topics.CseFlagOffenderLinks, AssessmentEvents.NamedOffender(flag, change), flag.ChildKey, basis, audit.Purpose);
        }
    }

    /// <summary>A high CSE risk requires a strategy discussion (none was held in seven such cases in the review).</summary>
    private void RequireStrategyDiscussionIfHigh(CseFlagRecord flag, CseFlagHistoryRecord change, LawfulBasis basis)
    {
        var (risk, action) = (change.Risk, change.Action);
        if (StrategyDiscussionTriggers.RequiredBy(risk, action))
        {
            outbox.Enqueue(db, Topics.StrategyTriggers, AssessmentEvents.StrategyTriggered(StrategyTrigger.HighCseRisk, flag.Id,
                StrategyDiscussionTriggers.Reason(action, flag.Id, change.Reason), flag.Child, change.ChangedAt, ""), flag.ChildKey, basis, audit.Purpose);
        }
    }
}
