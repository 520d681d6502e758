using Mash.Contracts.Events.V1;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Audit;
using Mash.Platform.Auth;
using Mash.Platform.Eventing.Agreements;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Hosting;
using Mash.Platform.Idempotency;
using Mash.Platform.Time;
using Mash.Referral.Application;
using Mash.Referral.Data;
using Mash.Referral.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mash.Referral.IntegrationEvents;

/// <summary>
/// Another service of this node asks for a referral in its caller's name (a return interview's findings):
/// stored as if submitted here, under the id the asking record already names, once however often it arrives.
/// What a submission would refuse goes to the dead letters with the reason, to replay once it is put right.
/// </summary>
internal sealed class ReferralRequestedHandler(
    ReferralDbContext db, CallAudit audit, ReferralTimescales timescales, FrontDoors frontDoors, ReferralFactory referrals, ReferralIntake intake, ServiceClock clock,
    IOptions<MashNodeOptions> node) : IIntegrationEventHandler<ReferralRequested>
{
    private const int MaxClientIdLength = 200;
    private const int MaxSourceLength = 200;

    public async Task HandleAsync(EventEnvelope envelope, ReferralRequested payload, CancellationToken cancellationToken)
    {
        if (payload.ReferralId.Length is 0 or > ReferralLimits.MaxReferralIdLength || payload.Details?.Child is null
            || !Timestamps.TryUtc(payload.ReceivedAt, out var receivedAt)
            || payload.ReferringClient.Length is 0 or > MaxClientIdLength || payload.SourceRecord.Length > MaxSourceLength)
        {
            throw new UnprocessableEventException("IncompleteReferral",
                "A ReferralRequested event needs the referral's id, its details with the child, its receipt time and the asking client.");
        }

        ReferralEventChecks.RequireValid(payload.ReferralId, payload.Details, clock.Today, timescales.Knows);

        var area = payload.Details.Area is { Length: > 0 } given ? given : node.Value.Area;
        var frontDoor = frontDoors.NodeFor(area)
            ?? throw new UnprocessableEventException("NoFrontDoor", $"No MASH front door is configured for area '{area}' ({FrontDoors.SettingFor(area)}); replay it once one is.");
        if (await db.Referrals.AsNoTracking().AnyAsync(r => r.Id == payload.ReferralId, cancellationToken))
        {
            // Made already under another event id.
            return;
        }

        var submission = new Submission(payload.ReferralId, payload.ReferralId, RequestFingerprint.OfParts(payload.Details, payload.ReceivedAt),
            payload.Details, referrals.ChildKeyOf(payload.Details), area, receivedAt, frontDoor, clock.UtcNow);
        var caller = new ReferringCaller(AgencyNames.FromContract(payload.ReferringAgency), payload.ReferringClient, audit.Purpose);
        var record = await intake.AddAsync(submission, caller, childKnown: null,
            refused => new UnprocessableEventException("NoAgreement", $"{refused.Reason} Replay it once an agreement with the front door is in force."), cancellationToken);
        audit.Touch(record.ChildKey, record.Id);
    }
}
