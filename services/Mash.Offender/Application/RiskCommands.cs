using Google.Protobuf;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Offender.V1;
using Mash.Offender.Data;
using Mash.Offender.Domain;
using Mash.Offender.IntegrationEvents;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Identity;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Offender.Application;

/// <summary>
/// An offender's risk reviewed, and children linked to them: each reaches the linked children's
/// risk profiles at partner nodes. Repeating the same command changes nothing and shares nothing.
/// </summary>
internal sealed class RiskCommands(
    OffenderStore store, CallAudit audit, ChildKeyHasher childKeys, OffenderEvents sharing, ChildRecords children, VisitSchedules visits, ServiceClock clock)
{
    public async Task<Contracts.Offender.V1.Offender> UpdateRiskAsync(UpdateOffenderRiskRequest request, CancellationToken cancellationToken)
    {
        RiskRules.Validate(request).ThrowIfAny("The risk cannot be updated.");
        audit.RequireStatedPurpose();

        var record = await store.LoadAsync(request.OffenderId, cancellationToken);
        audit.TouchOffender(record, OffenderViews.ForCommands);
        RiskRules.ValidateAgainst(request, record.MappaCategory).ThrowIfAny("The risk cannot be updated.");
        if (RiskRules.IsRepeat(request, record.Risk, record.MappaLevel, record.RiskRationale,
            record.RiskChanges.OrderBy(c => c.ChangedAt).ThenBy(c => c.Id).LastOrDefault()?.InternalNote ?? ""))
        {
            return record.ToContract(OffenderViews.ForCommands, clock.Today);
        }

        if (request.ExpectedVersion != 0 && request.ExpectedVersion != record.Version)
        {
            throw RpcErrors.Aborted($"The offender was changed since version {request.ExpectedVersion} was read (now {record.Version}); read it again and review.");
        }

        var previous = record.Risk;
        var change = new RiskChangeRecord
        {
            OffenderId = record.Id,
            PreviousRisk = record.Risk,
            Risk = request.Risk,
            PreviousMappaLevel = record.MappaLevel,
            MappaLevel = request.MappaLevel == MappaLevel.Unspecified ? record.MappaLevel : request.MappaLevel,
            Rationale = request.Rationale.Trim(),
            InternalNote = request.InternalNote.Trim(),
            ChangedAt = clock.UtcNow,
            ChangedBy = audit.Caller.ClientId,
        };
        record.RiskChanges.Add(change);
        record.Risk = change.Risk;
        record.MappaLevel = change.MappaLevel;
        record.RiskRationale = change.Rationale;
        record.Reschedule(visits);
        if (previous != request.Risk)
        {
            sharing.ShareAll(store.Db, record, previous);
        }

        await store.SaveAsync(record, cancellationToken);
        return record.ToContract(OffenderViews.ForCommands, clock.Today);
    }

    public async Task<Contracts.Offender.V1.Offender> LinkChildAsync(LinkChildRequest request, CancellationToken cancellationToken)
    {
        ChildLinkRules.Validate(request, clock.Today).ThrowIfAny("The child cannot be linked.");
        audit.RequireStatedPurpose();

        var record = await store.LoadAsync(request.OffenderId, cancellationToken);
        var childKey = childKeys.KeyFor(request.Child);
        audit.TouchOffender(record, OffenderViews.ForCommands);
        audit.TouchOnce(childKey, record.Id);
        var link = record.Links.FirstOrDefault(l => l.ChildKey == childKey);
        var details = request.Details.Trim();
        if (link is not null && link.Relationship == request.Relationship && link.Details == details)
        {
            // Linked already, the same way.
            return record.ToContract(OffenderViews.ForCommands, clock.Today);
        }

        if (link is null)
        {
            if (!await store.Db.ChildLinks.AnyAsync(l => l.ChildKey == childKey, cancellationToken))
            {
                children.FirstRecorded(store.Db, request.Child, childKey,
                    LawfulBases.TryParse(audit.LawfulBasis, out var basis) ? basis : LawfulBasis.Unspecified, audit.Purpose);
            }

            link = new ChildLinkRecord { Id = RecordIds.New("lnk_", clock.Now), OffenderId = record.Id, ChildKey = childKey, LinkedAt = clock.UtcNow };
            record.Links.Add(link);
        }

        // A new link, or the relationship corrected: the latest identity and relationship stand.
        link.Child = request.Child.ToByteArray();
        link.ChildMatch = (ChildIdentityRules.IsConfirmed(request.Child) ? ChildMatchStatus.Confirmed : ChildMatchStatus.Unconfirmed);
        link.Relationship = request.Relationship;
        link.Details = details;
        link.LinkedBy = audit.Caller.ClientId;
        if (RiskSharing.IsSharedOnLink(record.Risk))
        {
            sharing.Share(store.Db, record, link, OffenderRisk.Unspecified);
        }

        await store.SaveAsync(record, cancellationToken);
        return record.ToContract(OffenderViews.ForCommands, clock.Today);
    }
}
