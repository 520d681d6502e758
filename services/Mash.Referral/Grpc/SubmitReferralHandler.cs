using Mash.Contracts.Referral.V1;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Hosting;
using Mash.Platform.Persistence;
using Mash.Platform.Time;
using Mash.Referral.Data;
using Mash.Referral.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mash.Referral.Grpc;

/// <summary>
/// Receives a referral: validated, scored, timed from its receipt, stored once per idempotency key.
/// At the area's front door it joins the screening queue; at any other node it is kept as the
/// referrer's copy and sent to the front door, in the same transaction.
/// </summary>
internal sealed class SubmitReferralHandler(
    ReferralDbContext db, CallAudit audit, AuditTrail trail, ReferralTimescales timescales, FrontDoors frontDoors,
    NewReferrals referrals, EventOutbox outbox, ChildRecords children, ServiceClock clock, IOptions<MashNodeOptions> node)
{
    /// <param name="mayReadReferrals">Whether the caller may read referrals: a replay shows the MASH's screening and decision only then.</param>
    public async Task<SubmitReferralResponse> HandleAsync(SubmitReferralRequest request, bool mayReadReferrals, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var violations = ReferralValidator.Validate(request, clock.Today, timescales.Knows);
        var area = request.Details?.Area is { Length: > 0 } given ? given : node.Value.Area;
        var receivedAt = ReceivedTimes.Resolve(violations, request.ReceivedAt, now, timescales.ReceivedAtFutureTolerance, timescales.For(area).MaxReceivedAgeDays);
        violations.ThrowIfAny("The referral cannot be accepted.");
        var details = request.Details!;
        audit.RequireStatedPurpose("Referral to the MASH", details.LawfulBasis);
        var frontDoor = frontDoors.NodeFor(area) ?? throw NoFrontDoor(area);

        // Stored first, looked up only when the key turns out to be taken: a retry is the rare case,
        // and the unique index on (node, client, key) decides it either way, also when two race.
        var fingerprint = RequestFingerprint.Of(details, request.ReceivedAt);
        var role = frontDoor == frontDoors.ThisNode ? ReferralRole.FrontDoor : ReferralRole.ReferrerCopy;
        var record = referrals.Create("ref_" + Guid.CreateVersion7(clock.Now).ToString("N"), details, area, receivedAt, now, role, frontDoor);
        record.ClientId = audit.Caller.ClientId;
        record.IdempotencyKey = request.IdempotencyKey;
        record.RequestHash = fingerprint;
        record.SubmittedByAgency = audit.Caller.Agency;
        if (!await db.Referrals.AnyAsync(r => r.ChildKey == record.ChildKey, cancellationToken))
        {
            children.FirstRecorded(db, details.Child, record.ChildKey, details.LawfulBasis, audit.Purpose);
        }

        db.Referrals.Add(record);
        if (role == ReferralRole.ReferrerCopy)
        {
            // Committed with the referrer's copy or not at all: the MASH gets every referral acknowledged here.
            outbox.SendToNode(db, Topics.FrontDoorReferrals, ReferralEvents.SentToFrontDoor(record, details), record.ChildKey, frontDoor,
                details.LawfulBasis, audit.Purpose, record.Id);
        }

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
            return Replay(winner, fingerprint, now, mayReadReferrals);
        }

        return new SubmitReferralResponse { Referral = record.ToContract(now, frontDoors.ThisNode), Replayed = false };
    }

    private static global::Grpc.Core.RpcException NoFrontDoor(string area) =>
        RpcErrors.FailedPrecondition(FrontDoors.SettingFor(area), "NO_FRONT_DOOR",
            $"No MASH front door is configured for area '{area}': set {FrontDoors.SettingFor(area)} to the id of the node that runs it. Nothing was stored.");

    private Task<ReferralRecord?> FindByKeyAsync(string key, CancellationToken cancellationToken) =>
        db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.OriginNode == "" && r.ClientId == audit.Caller.ClientId && r.IdempotencyKey == key, cancellationToken);

    private SubmitReferralResponse Replay(ReferralRecord earlier, string fingerprint, DateTime now, bool mayReadReferrals)
    {
        if (earlier.RequestHash != fingerprint)
        {
            throw RpcErrors.AlreadyExists("IDEMPOTENCY_KEY_REUSED",
                "This idempotency key was already used for a different referral; use a new key for a new referral.");
        }

        audit.Touch(earlier.ChildKey, earlier.Id);
        var referral = earlier.ToContract(now, frontDoors.ThisNode);
        return new SubmitReferralResponse { Referral = mayReadReferrals ? referral : SubmitterView.AsSubmitted(referral), Replayed = true };
    }
}
