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
using Mash.Platform.Identity;

namespace Mash.Referral.Application;

/// <summary>
/// Receives a referral: validated, scored, timed from its receipt, stored once per idempotency key
/// (<see cref="ReferralIntake"/> puts it in the queue or sends it to the front door).
/// </summary>
internal sealed class SubmissionCommands(
    ReferralDbContext db, CallAudit audit, AuditTrail trail, ReferralTimescales timescales, FrontDoors frontDoors,
    ReferralFactory referrals, ReferralIntake intake, ServiceClock clock, IOptions<MashNodeOptions> node)
{
    // Every submit looks its idempotency key up first; it is nearly always new, which the probe answers cheaply.
    private static readonly RowProbe<ReferralRecord> KeyUsed = new(r => r.OriginNode, r => r.ClientId, r => r.IdempotencyKey);

    private static readonly PerModelQuery<Func<ReferralDbContext, string, string, CancellationToken, Task<ReferralRecord?>>> ByKey =
        new(() => EF.CompileAsyncQuery((ReferralDbContext db, string clientId, string key, CancellationToken _) =>
            db.Referrals.AsNoTracking().FirstOrDefault(r => r.OriginNode == "" && r.ClientId == clientId && r.IdempotencyKey == key)));

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

        var submission = new Submission(RecordIds.New("ref_", clock.Now), request.IdempotencyKey,
            RequestFingerprint.OfParts(details, request.ReceivedAt), details, referrals.ChildKeyOf(details), area, receivedAt, frontDoor, now);
        bool? childKnown = null;
        return await new CreateOnce<ReferralRecord, SubmitReferralResponse>(db, "referral")
        {
            FindByKey = async ct =>
            {
                // Nearly every submit is a new key; asking about the child in the same round trip spares the intake its own.
                var answers = await RowQuestions.AskAsync(db, ct, KeyUsed.With("", audit.Caller.ClientId, submission.Key), ReferralIntake.IsChildKnown(submission));
                childKnown = answers[1];
                return answers[0] ? await ByKey.For(db)(db, audit.Caller.ClientId, submission.Key, ct) : null;
            },
            Replay = (earlier, _) => Task.FromResult(Replay(earlier, submission.Fingerprint, now, mayReadReferrals)),
            Create = ct => CreateAsync(submission, childKnown, ct),
            Discarded = () => audit.Forget(submission.Id),
        }.RunAsync(cancellationToken);
    }

    private async Task<SubmitReferralResponse> CreateAsync(Submission submission, bool? childKnown, CancellationToken cancellationToken)
    {
        // The referrer is told now when the MASH would never receive it.
        var record = await intake.AddAsync(submission, new ReferringCaller(audit.Caller.Agency, audit.Caller.ClientId, audit.Purpose), childKnown,
            refused => RpcErrors.FailedPrecondition(AgreementOptions.Section, "NO_AGREEMENT",
                $"{refused.Reason} The referral cannot reach the MASH front door; nothing was stored."), cancellationToken);
        audit.Touch(record.ChildKey, record.Id);
        await trail.SaveChangesWithAuditAsync(db, cancellationToken);
        return new SubmitReferralResponse { Referral = record.ToContract(submission.Now, frontDoors.ThisNode), Replayed = false };
    }

    private static global::Grpc.Core.RpcException NoFrontDoor(string area) =>
        RpcErrors.FailedPrecondition(FrontDoors.SettingFor(area), "NO_FRONT_DOOR",
            $"No MASH front door is configured for area '{area}': set {FrontDoors.SettingFor(area)} to the id of the node that runs it. Nothing was stored.");

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
    string Id, string Key, string Fingerprint, ReferralDetails Details, string ChildKey, string Area, DateTime ReceivedAt, string FrontDoor, DateTime Now);
