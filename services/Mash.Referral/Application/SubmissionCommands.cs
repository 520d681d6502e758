using Mash.Contracts.Referral.V1;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Agreements;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Hosting;
using Mash.Platform.Idempotency;
using Mash.Platform.Persistence;
using Mash.Platform.Time;
using Mash.Referral.Data;
using Mash.Referral.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mash.Referral.IntegrationEvents;

namespace Mash.Referral.Application;

/// <summary>
/// Receives a referral: validated, scored, timed from its receipt, stored once per idempotency key.
/// At the area's front door it joins the screening queue; at any other node it is kept as the
/// referrer's copy and sent to the front door, in the same transaction.
/// </summary>
internal sealed class SubmissionCommands(
    ReferralDbContext db, CallAudit audit, AuditTrail trail, ReferralTimescales timescales, FrontDoors frontDoors,
    ReferralFactory referrals, EventOutbox outbox, ChildRecords children, ServiceClock clock, IOptions<MashNodeOptions> node)
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

        var submission = new Submission("ref_" + Guid.CreateVersion7(clock.Now).ToString("N"), request.IdempotencyKey,
            RequestFingerprint.OfParts(details, request.ReceivedAt), details, area, receivedAt, frontDoor, now);
        return await new CreateOnce<ReferralRecord, SubmitReferralResponse>(db, "referral")
        {
            FindByKey = ct => FindByKeyAsync(submission.Key, ct),
            Replay = (earlier, _) => Task.FromResult(Replay(earlier, submission.Fingerprint, now, mayReadReferrals)),
            Create = ct => CreateAsync(submission, ct),
            Discarded = () => audit.Forget(submission.Id),
        }.RunAsync(cancellationToken);
    }

    private async Task<SubmitReferralResponse> CreateAsync(Submission submission, CancellationToken cancellationToken)
    {
        var (details, now, frontDoor) = (submission.Details, submission.Now, submission.FrontDoor);
        var role = frontDoor == frontDoors.ThisNode ? ReferralRole.FrontDoor : ReferralRole.ReferrerCopy;
        if (role == ReferralRole.ReferrerCopy && outbox.AgreementFor(frontDoor, Topics.FrontDoorReferrals) is { Shared: false } refused)
        {
            // A referral the MASH would never receive must not look made: the referrer is told now.
            throw RpcErrors.FailedPrecondition(AgreementOptions.Section, "NO_AGREEMENT",
                $"{refused.Reason} The referral cannot reach the MASH front door; nothing was stored.");
        }

        var record = referrals.Create(submission.Id, details, submission.Area, submission.ReceivedAt, now, role, frontDoor);
        record.ClientId = audit.Caller.ClientId;
        record.IdempotencyKey = submission.Key;
        record.RequestHash = submission.Fingerprint;
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
        await trail.SaveChangesWithAuditAsync(db, cancellationToken);
        return new SubmitReferralResponse { Referral = record.ToContract(now, frontDoors.ThisNode), Replayed = false };
    }

    private static global::Grpc.Core.RpcException NoFrontDoor(string area) =>
        RpcErrors.FailedPrecondition(FrontDoors.SettingFor(area), "NO_FRONT_DOOR",
            $"No MASH front door is configured for area '{area}': set {FrontDoors.SettingFor(area)} to the id of the node that runs it. Nothing was stored.");

    private Task<ReferralRecord?> FindByKeyAsync(string key, CancellationToken cancellationToken) =>
        db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.OriginNode == "" && r.ClientId == audit.Caller.ClientId && r.IdempotencyKey == key, cancellationToken);

    private SubmitReferralResponse Replay(ReferralRecord earlier, string fingerprint, DateTime now, bool mayReadReferrals)
    {
        IdempotencyKeys.CheckRetry(earlier.RequestHash, fingerprint, "referral");
        audit.Touch(earlier.ChildKey, earlier.Id);
        var referral = earlier.ToContract(now, frontDoors.ThisNode);
        return new SubmitReferralResponse { Referral = mayReadReferrals ? referral : SubmitterView.AsSubmitted(referral), Replayed = true };
    }
}

/// <summary>A referral accepted for storing: validated, its area's front door found, its id chosen.</summary>
internal sealed record Submission(
    string Id, string Key, string Fingerprint, ReferralDetails Details, string Area, DateTime ReceivedAt, string FrontDoor, DateTime Now);
