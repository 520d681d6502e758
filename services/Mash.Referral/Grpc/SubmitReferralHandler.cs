using Mash.Contracts.Common.V1;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Hosting;
using Mash.Platform.Identity;
using Mash.Platform.Persistence;
using Mash.Referral.Data;
using Mash.Referral.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Google.Protobuf;

namespace Mash.Referral.Grpc;

/// <summary>Receives a referral: validated, scored, timed, stored once per idempotency key.</summary>
internal sealed class SubmitReferralHandler(
    ReferralDbContext db, CallAudit audit, AuditTrail trail, ReferralTimescales timescales,
    ChildKeyHasher childKeys, EventOutbox outbox, TimeProvider time, IOptions<MashNodeOptions> node)
{
    public async Task<SubmitReferralResponse> HandleAsync(SubmitReferralRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        ReferralValidator.Validate(request, DateOnly.FromDateTime(now), timescales.Knows).ThrowIfAny("The referral cannot be accepted.");
        audit.RequireStatedPurpose("Referral to the MASH", request.Details.LawfulBasis);

        // Stored first, looked up only when the key turns out to be taken: a retry is the rare case,
        // and the unique index on (client, key) decides it either way, also when two race.
        var fingerprint = RequestFingerprint.Of(request.Details);
        var record = NewRecord(request, fingerprint, now);
        db.Referrals.Add(record);
        // The assessment starts from this event, committed with the referral or not at all.
        outbox.Enqueue(db, Topics.Referrals, ReferralEvents.Received(record, request.Details), record.ChildKey, request.Details.LawfulBasis, audit.Purpose);
        audit.Touch(record.ChildKey, record.Id);
        try
        {
            await trail.SaveChangesWithAuditAsync(db, cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // The key was used before (a retry), or by a concurrent retry that won the race: answer
            // as its replay. The record built here was never stored, so it is not audited either.
            db.ChangeTracker.Clear();
            audit.Forget(record.Id);
            var winner = await FindByKeyAsync(request.IdempotencyKey, cancellationToken)
                ?? throw RpcErrors.Unavailable("The referral could not be stored; retry with the same idempotency key.");
            return Replay(winner, fingerprint, now);
        }

        return new SubmitReferralResponse { Referral = record.ToContract(now), Replayed = false };
    }

    private Task<ReferralRecord?> FindByKeyAsync(string key, CancellationToken cancellationToken) =>
        db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.ClientId == audit.Caller.ClientId && r.IdempotencyKey == key, cancellationToken);

    private SubmitReferralResponse Replay(ReferralRecord earlier, string fingerprint, DateTime now)
    {
        if (earlier.RequestHash != fingerprint)
        {
            throw RpcErrors.AlreadyExists("IDEMPOTENCY_KEY_REUSED",
                "This idempotency key was already used for a different referral; use a new key for a new referral.");
        }

        audit.Touch(earlier.ChildKey, earlier.Id);
        return new SubmitReferralResponse { Referral = earlier.ToContract(now), Replayed = true };
    }

    private ReferralRecord NewRecord(SubmitReferralRequest request, string fingerprint, DateTime now)
    {
        var details = request.Details;
        var area = details.Area.Length > 0 ? details.Area : node.Value.Area;
        var clock = timescales.ClockFor(area);
        var decisionDue = clock.DecisionDueAt(now);
        var completeness = CompletenessAssessor.Assess(details);
        return new ReferralRecord
        {
            Id = "ref_" + Guid.CreateVersion7(time.GetUtcNow()).ToString("N"),
            ClientId = audit.Caller.ClientId,
            IdempotencyKey = request.IdempotencyKey,
            RequestHash = fingerprint,
            SubmittedByAgency = audit.Caller.Agency,
            ChildKey = childKeys.KeyFor(details.Child),
            ChildMatch = (int)(NhsNumber.IsValid(details.Child.NhsNumber) ? ChildMatchStatus.Confirmed : ChildMatchStatus.Unconfirmed),
            Area = area,
            Status = (int)ReferralStatus.AwaitingScreening,
            ReceivedAt = now,
            DecisionDueAt = decisionDue,
            DueAt = decisionDue,
            CompletenessScore = completeness.Score,
            Completeness = completeness.ToByteArray(),
            Details = details.ToByteArray(),
        };
    }
}
