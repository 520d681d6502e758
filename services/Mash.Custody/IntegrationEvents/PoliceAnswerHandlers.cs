using Mash.Contracts.Custody.V1;
using Mash.Contracts.Events.V1;
using Mash.Custody.Application;
using Mash.Custody.Data;
using Mash.Platform.Audit;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Eventing.Receipts;
using Mash.Platform.Limits;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Custody.IntegrationEvents;

/// <summary>
/// At the police node: the local authority's answer on whether a detained child is looked after.
/// Only the node that was asked may answer; the answer is shown with where and when it was established.
/// </summary>
internal sealed class LookedAfterStatusReportedHandler(CustodyDbContext db, CallAudit audit, DeliveryReceipts receipts) : IIntegrationEventHandler<LookedAfterStatusReported>
{
    public async Task HandleAsync(EventEnvelope envelope, LookedAfterStatusReported payload, CancellationToken cancellationToken)
    {
        if (payload.DetentionId.Length is 0 or > RequestLimits.MaxIdLength
            || payload.Status is not (LookedAfterStatus.LookedAfter or LookedAfterStatus.NotLookedAfter) || !Timestamps.TryUtc(payload.EstablishedAt, out var at))
        {
            throw new UnprocessableEventException("IncompleteAnswer", "A LookedAfterStatusReported event needs the detention's id, looked after or not, and when it was established.");
        }

        var detention = await db.Detentions.FirstOrDefaultAsync(d => d.Id == payload.DetentionId, cancellationToken)
            ?? throw new UnprocessableEventException("UnknownDetention", $"This node has no detention {payload.DetentionId}.");
        if (detention.LookedAfterNode != envelope.OriginNode)
        {
            throw new UnprocessableEventException("NotAsked", $"Node '{envelope.OriginNode}' was not asked about detention {detention.Id}.");
        }

        audit.Touch(detention.ChildKey, detention.Id);
        detention.LookedAfter = payload.Status;
        detention.LookedAfterLegalStatus = payload.LegalStatus;
        detention.LookedAfterSource = LookedAfterSource.LocalAuthorityRecord;
        detention.LookedAfterEstablishedAt = at;
        detention.Version++;
        receipts.Acknowledge(db, envelope);
    }
}

/// <summary>
/// At the police node: the local authority's answer to a request for accommodation, shown on the
/// detention; the answer is its receipt for the request. Only the node asked may answer, once.
/// </summary>
internal sealed class AccommodationAnsweredHandler(CustodyDbContext db, CallAudit audit, DeliveryReceipts receipts) : IIntegrationEventHandler<AccommodationAnswered>
{
    public async Task HandleAsync(EventEnvelope envelope, AccommodationAnswered payload, CancellationToken cancellationToken)
    {
        if (payload.RequestId.Length is 0 or > RequestLimits.MaxIdLength || payload.Answer is null
            || payload.Answer.Outcome is not (AccommodationAnswerOutcome.PlaceOffered or AccommodationAnswerOutcome.Refused)
            || !Timestamps.TryUtc(payload.Answer.AnsweredAt, out var answeredAt))
        {
            throw new UnprocessableEventException("IncompleteAnswer", "An AccommodationAnswered event needs the request's id, a place offered or a refusal, and when.");
        }

        var request = await db.AccommodationRequests.FirstOrDefaultAsync(r => r.Id == payload.RequestId, cancellationToken)
            ?? throw new UnprocessableEventException("UnknownRequest", $"This node made no request {payload.RequestId}.");
        if (request.LocalAuthorityNode != envelope.OriginNode)
        {
            throw new UnprocessableEventException("NotAsked", $"Request {request.Id} went to node '{request.LocalAuthorityNode}'; node '{envelope.OriginNode}' cannot answer it.");
        }

        var detention = await db.Detentions.FirstAsync(d => d.Id == request.DetentionId, cancellationToken);
        audit.Touch(detention.ChildKey, detention.Id);
        if (request.Answer.AnsweredAt is not null)
        {
            return;
        }

        request.Answer.Apply(payload.Answer);
        request.State = AccommodationRequestState.Answered;
        detention.Version++;
        receipts.Acknowledge(db, envelope);
    }
}
