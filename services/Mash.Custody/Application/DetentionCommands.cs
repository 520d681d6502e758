using Mash.Contracts.Custody.V1;
using Mash.Custody.Data;
using Mash.Custody.Domain;
using Mash.Custody.IntegrationEvents;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Identity;
using Mash.Platform.Idempotency;
using Mash.Platform.Time;
using Google.Protobuf;

namespace Mash.Custody.Application;

/// <summary>A juvenile's detention from arrival to release: the custody officer's record.</summary>
internal sealed class DetentionCommands(
    DetentionCommand command, CustodyStore store, CustodyEvents events, CustodyRules rules, ChildKeyHasher childKeys, CallAudit audit, ServiceClock clock)
{
    public async Task<Detention> OpenAsync(OpenDetentionRequest request, CancellationToken cancellationToken)
    {
        var times = RequestRules.CheckOpen(request, clock.UtcNow, clock.Today);
        DatesOfBirth.TryToDateOnly(request.Child.DateOfBirth, out var born);
        var age = Juveniles.AgeWhenArrested(born, rules.LocalDay(times.ArrestedAt, rules.Area));
        new FieldViolations()
            .Require(Juveniles.IsJuvenile(age), "child.date_of_birth",
                $"Born {Dates.Text(born)}: {age} when arrested, not a juvenile (under {Juveniles.AdultAge}); this service records juveniles' detention only.")
            .ThrowIfAny("The detention cannot be recorded.");
        audit.RequireStatedPurpose();
        var fingerprint = RequestFingerprint.Of(request);
        const string method = "OpenDetention";
        return await store.OnceAsync(request.IdempotencyKey, method, fingerprint, command.ReadAsync, async ct =>
        {
            var record = new DetentionRecord
            {
                Id = RecordIds.New("det_", clock.Now),
                ChildKey = childKeys.KeyFor(request.Child),
                Child = request.Child.ToByteArray(),
                ChildMatch = ChildIdentityRules.IsConfirmed(request.Child) ? Contracts.Common.V1.ChildMatchStatus.Confirmed : Contracts.Common.V1.ChildMatchStatus.Unconfirmed,
                Area = rules.Area,
                AgeAtArrest = age,
                CustodyReference = request.CustodyReference.Trim(),
                CustodySuite = request.CustodySuite.Trim(),
                Offence = request.Offence.Trim(),
                ArrestedAt = times.ArrestedAt,
                ArrivedAt = times.ArrivedAt,
                AuthorisedAt = times.AuthorisedAt,
                OpenedAt = clock.UtcNow,
                OpenedBy = command.Actor,
            };
            events.AskWhetherLookedAfter(store.Db, record, clock.UtcNow);
            store.Db.Detentions.Add(record);
            audit.Touch(record.ChildKey, record.Id);
            store.Remember(request.IdempotencyKey, method, fingerprint, record.Id, clock.UtcNow);
            await store.SaveAsync(ct);
            return command.View(record);
        }, cancellationToken);
    }

    public Task<Detention> ChargeAsync(RecordChargeRequest request, CancellationToken cancellationToken)
    {
        var at = RequestRules.CheckCharge(request, clock.UtcNow);
        return command.RunAsync("RecordCharge", request, request.DetentionId, request.IdempotencyKey, record =>
        {
            RequireInCustody(record, at, "charged_at");
            if (record.ChargedAt is { } charged)
            {
                throw DetentionCommand.Refused(record, "ALREADY_CHARGED", $"The child was charged at {charged:yyyy-MM-dd HH:mm} UTC; the charge is recorded once.");
            }

            DetentionCommand.RequireInOrder("charged_at", at, record.AuthorisedAt, "detention was authorised", "The charge cannot be recorded.");
            record.ChargedAt = at;
            record.Charges = request.Charges.Trim();
        }, cancellationToken);
    }

    public Task<Detention> DecideBailAsync(RecordBailDecisionRequest request, CancellationToken cancellationToken)
    {
        var at = RequestRules.CheckBail(request, clock.UtcNow);
        return command.RunAsync("RecordBailDecision", request, request.DetentionId, request.IdempotencyKey, record =>
        {
            RequireInCustody(record, at, "decided_at");
            if (record.ChargedAt is null)
            {
                throw DetentionCommand.Refused(record, "NOT_CHARGED", "Bail after charge is decided once the child is charged: record the charge first.");
            }

            if (record.BailOutcome != BailOutcome.Unspecified)
            {
                throw DetentionCommand.Refused(record, "BAIL_DECIDED", $"Bail was already decided at {record.BailDecidedAt:yyyy-MM-dd HH:mm} UTC.");
            }

            DetentionCommand.RequireInOrder("decided_at", at, record.ChargedAt, "the charge", "The bail decision cannot be recorded.");
            var area = rules.For(record.Area);
            new FieldViolations().CheckSecure(request.SecureAccommodationSought, request.PublicProtectionReason, record.AgeAtArrest, area)
                .ThrowIfAny("The bail decision cannot be recorded.");
            record.BailOutcome = request.Outcome;
            record.BailDecidedAt = at;
            record.BailRefusalGround = request.RefusalGround;
            record.SecureAccommodationSought = request.SecureAccommodationSought;
            record.PublicProtectionReason = request.PublicProtectionReason.Trim();
            record.NoRequestReason = request.NoRequestReason.Trim();
            record.BailDecidedBy = command.Actor;
            if (request.Outcome == BailOutcome.Refused && record.NoRequestReason.Length == 0)
            {
                // s38(6): the request goes at once, timed with the refusal.
                AddRequest(record, at, request.SecureAccommodationSought, record.PublicProtectionReason);
            }
        }, cancellationToken);
    }

    public Task<Detention> RequestAccommodationAsync(RequestAccommodationRequest request, CancellationToken cancellationToken)
    {
        var at = RequestRules.CheckAccommodation(request, clock.UtcNow);
        return command.RunAsync("RequestAccommodation", request, request.DetentionId, request.IdempotencyKey, record =>
        {
            RequireInCustody(record, at, "requested_at");
            if (record.BailOutcome != BailOutcome.Refused)
            {
                throw DetentionCommand.Refused(record, "BAIL_NOT_REFUSED", "Local authority accommodation is requested for a charged child refused bail: record the refusal first.");
            }

            DetentionCommand.RequireInOrder("requested_at", at, record.BailDecidedAt, "bail was refused", "The request cannot be made.");
            new FieldViolations().CheckSecure(request.SecureAccommodationSought, request.PublicProtectionReason, record.AgeAtArrest, rules.For(record.Area))
                .ThrowIfAny("The request cannot be made.");
            AddRequest(record, at, request.SecureAccommodationSought, request.PublicProtectionReason.Trim());
        }, cancellationToken);
    }

    public Task<Detention> ReleaseAsync(RecordReleaseRequest request, CancellationToken cancellationToken)
    {
        var at = RequestRules.CheckRelease(request, clock.UtcNow);
        return command.RunAsync("RecordRelease", request, request.DetentionId, request.IdempotencyKey, record =>
        {
            if (record.LeftAt is { } left)
            {
                throw DetentionCommand.Refused(record, "ALREADY_LEFT", $"The child left custody at {left:yyyy-MM-dd HH:mm} UTC.");
            }

            var latest = new DateTime?[] { record.AuthorisedAt, record.ChargedAt, record.BailDecidedAt }.Max();
            DetentionCommand.RequireInOrder("left_at", at, latest, "the last event of the detention", "The release cannot be recorded.");
            if (request.Outcome == ReleaseOutcome.TransferredToLocalAuthority)
            {
                var place = record.Requests.FirstOrDefault(r => r.Id == request.AccommodationRequestId)
                    ?? throw RpcErrors.NotFound("request for accommodation", request.AccommodationRequestId);
                if (place.Answer.Outcome != AccommodationAnswerOutcome.PlaceOffered)
                {
                    throw DetentionCommand.Refused(record, "NO_PLACE_OFFERED", $"The local authority has offered no place on request {place.Id}.");
                }
            }

            record.LeftAt = at;
            record.InCustody = false;
            record.ReleaseOutcome = request.Outcome;
            record.ReleaseRequestId = request.AccommodationRequestId;
            record.ReleaseDetails = request.Details.Trim();
        }, cancellationToken);
    }

    private void AddRequest(DetentionRecord record, DateTime at, bool secure, string reason)
    {
        var request = new AccommodationRequestRecord
        {
            Id = RecordIds.New("acr_", clock.Now),
            DetentionId = record.Id,
            RequestedAt = at,
            RequestedBy = command.Actor,
            SecureAccommodationSought = secure,
            PublicProtectionReason = reason,
        };
        record.Requests.Add(request);
        events.SendRequest(store.Db, record, request);
    }

    /// <summary>Nothing is recorded as happening in custody after the child left.</summary>
    public static void RequireInCustody(DetentionRecord record, DateTime at, string field)
    {
        if (record.LeftAt is { } left && at > left)
        {
            new FieldViolations().Add(field, $"{at:yyyy-MM-dd HH:mm} UTC is after the child left custody ({left:yyyy-MM-dd HH:mm} UTC).").ThrowIfAny("It cannot be recorded.");
        }
    }
}
