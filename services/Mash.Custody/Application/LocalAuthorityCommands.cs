using Google.Protobuf;
using Mash.Contracts.Custody.V1;
using Mash.Custody.Data;
using Mash.Custody.Domain;
using Mash.Custody.IntegrationEvents;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Identity;
using Mash.Platform.Idempotency;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Custody.Application;

/// <summary>At the local authority's node: answers to police nodes' requests for accommodation, and which children it looks after.</summary>
internal sealed class LocalAuthorityCommands(
    CustodyStore store, CustodyEvents events, CustodyRules rules, ChildKeyHasher childKeys, CallAudit audit, ServiceClock clock, DetentionCommand command)
{
    public async Task<AccommodationRequest> AnswerAsync(AnswerAccommodationRequestRequest request, CancellationToken cancellationToken)
    {
        var (at, availableAt) = RequestRules.CheckAnswer(request, clock.UtcNow);
        audit.RequireStatedPurpose();
        var fingerprint = RequestFingerprint.Of(request);
        const string method = "AnswerAccommodationRequest";
        return await store.OnceAsync(request.IdempotencyKey, method, fingerprint, ReadAsync, async ct =>
        {
            var received = await store.Db.ReceivedRequests.FirstOrDefaultAsync(r => r.Id == request.RequestId, ct)
                ?? throw RpcErrors.NotFound("request for accommodation", request.RequestId);
            audit.TouchPartnerRecord(received.ChildKey, received.PoliceNode, received.Id, CustodyServiceSetup.ServiceName);
            if (received.Answered)
            {
                throw RpcErrors.AlreadyExists("ALREADY_ANSWERED",
                    $"Request {received.Id} was answered at {received.Answer.AnsweredAt:yyyy-MM-dd HH:mm} UTC ({received.Answer.Outcome}); a request has one answer.");
            }

            DetentionCommand.RequireInOrder("answered_at", at, received.RequestedAt, "the request", "The answer cannot be recorded.");
            received.Answered = true;
            received.Answer = new AnswerColumns
            {
                Outcome = request.Outcome,
                AnsweredAt = at,
                AnsweredBy = request.AnsweredBy.Trim().Length > 0 ? request.AnsweredBy.Trim() : command.Actor,
                Place = request.Place.Trim(),
                PlaceAvailableAt = availableAt,
                RefusalReason = request.RefusalReason.Trim(),
            };
            received.Version++;
            events.SendAnswer(store.Db, received);
            store.Remember(request.IdempotencyKey, method, fingerprint, received.Id, clock.UtcNow);
            await store.SaveAsync(ct);
            return received.ToContract(clock.UtcNow, rules.For(received.Area), rules.ThisNode);
        }, cancellationToken);
    }

    public async Task<AccommodationRequest> ReadAsync(string requestId, CancellationToken cancellationToken)
    {
        var received = await store.Db.ReceivedRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken)
            ?? throw RpcErrors.NotFound("request for accommodation", requestId);
        audit.TouchPartnerRecord(received.ChildKey, received.PoliceNode, received.Id, CustodyServiceSetup.ServiceName);
        return received.ToContract(clock.UtcNow, rules.For(received.Area), rules.ThisNode);
    }

    /// <summary>One row per child: the latest status recorded replaces the one before.</summary>
    public async Task<LookedAfterRecord> RecordLookedAfterAsync(RecordLookedAfterStatusRequest request, CancellationToken cancellationToken)
    {
        var since = RequestRules.CheckLookedAfter(request, clock.Window);
        audit.RequireStatedPurpose();
        var fingerprint = RequestFingerprint.Of(request);
        const string method = "RecordLookedAfterStatus";
        var childKey = childKeys.KeyFor(request.Child);
        return await store.OnceAsync(request.IdempotencyKey, method, fingerprint, ReadLookedAfterAsync, async ct =>
        {
            var record = await store.Db.LookedAfterChildren.FirstOrDefaultAsync(c => c.ChildKey == childKey, ct);
            if (record is null)
            {
                record = new LookedAfterChildRecord { ChildKey = childKey };
                store.Db.LookedAfterChildren.Add(record);
            }

            record.Child = request.Child.ToByteArray();
            record.LookedAfter = request.LookedAfter;
            record.LegalStatus = request.LegalStatus;
            record.Since = since;
            record.RecordedAt = clock.UtcNow;
            record.RecordedBy = command.Actor;
            audit.Touch(childKey, "looked-after");
            store.Remember(request.IdempotencyKey, method, fingerprint, childKey, clock.UtcNow);
            await store.SaveAsync(ct);
            return record.ToContract();
        }, cancellationToken);
    }

    private async Task<LookedAfterRecord> ReadLookedAfterAsync(string childKey, CancellationToken cancellationToken)
    {
        var record = await store.Db.LookedAfterChildren.AsNoTracking().SingleAsync(c => c.ChildKey == childKey, cancellationToken);
        audit.Touch(childKey, "looked-after");
        return record.ToContract();
    }
}

internal static class LookedAfterMapping
{
    public static LookedAfterRecord ToContract(this LookedAfterChildRecord record) => new()
    {
        Child = Contracts.Common.V1.ChildIdentity.Parser.ParseFrom(record.Child),
        LookedAfter = record.LookedAfter,
        LegalStatus = record.LegalStatus,
        Since = Dates.ToContract(record.Since),
        RecordedAt = Timestamps.Of(record.RecordedAt),
    };
}
