using Google.Protobuf;
using Mash.Contracts.Offender.V1;
using Mash.Offender.Data;
using Mash.Offender.Domain;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Idempotency;
using Mash.Platform.Time;
using Mash.Offender.IntegrationEvents;
using Mash.Platform.Identity;

namespace Mash.Offender.Application;

/// <summary>
/// The offender's notifications (breaches found as they are recorded) and home visits (the next
/// due as they are recorded). Each is stored once per idempotency key.
/// </summary>
internal sealed class SupervisionCommands(OffenderStore store, CallAudit audit, VisitSchedules visits, ServiceClock clock)
{
    private const string NotificationMethod = "RecordNotification";
    private const string VisitMethod = "RecordVisit";

    public async Task<Contracts.Offender.V1.Offender> RecordNotificationAsync(RecordNotificationRequest request, CancellationToken cancellationToken)
    {
        NotificationRules.Validate(request, clock.Window).ThrowIfAny("The notification cannot be recorded.");
        audit.RequireStatedPurpose();
        var fingerprint = RequestFingerprint.Of(request);
        return await store.OnceAsync(request.IdempotencyKey, NotificationMethod, fingerprint, ReplayAsync,
            ct => RecordNotificationFirstTimeAsync(request, fingerprint, ct), cancellationToken);
    }

    private async Task<Contracts.Offender.V1.Offender> RecordNotificationFirstTimeAsync(RecordNotificationRequest request, string fingerprint, CancellationToken cancellationToken)
    {
        var record = await store.LoadAsync(request.OffenderId, cancellationToken);
        audit.TouchOffender(record, OffenderViews.ForCommands);
        if (!record.NotificationApplies)
        {
            throw RpcErrors.FailedPrecondition(record.Id, "NO_NOTIFICATION_REQUIREMENTS", "The offender is not subject to notification requirements.");
        }

        NotificationRules.ValidateAgainst(request, record.RegisteredOn).ThrowIfAny("The notification cannot be recorded.");
        var occurredOn = Dates.Optional(request.ChangeOccurredOn);
        var notifiedOn = Dates.Optional(request.NotifiedOn);
        var assessment = NotificationRules.Assess(request.Kind, occurredOn, notifiedOn, LastNotifiedBefore(record, notifiedOn));
        var notification = new NotificationRecord
        {
            Id = RecordIds.New("ntf_", clock.Now),
            OffenderId = record.Id,
            Kind = request.Kind,
            ChangeOccurredOn = occurredOn,
            NotifiedOn = notifiedOn,
            DueBy = assessment.DueBy,
            Breach = assessment.Breach,
            Details = request.Details.Trim(),
            RecordedAt = clock.UtcNow,
            RecordedBy = audit.Caller.ClientId,
        };
        record.Notifications.Add(notification);
        if (notifiedOn is { } day && NotificationRules.IsMadeByOffender(request.Kind))
        {
            record.NotifiedOn(day);
        }

        Move(record, request);
        store.Remember(request.IdempotencyKey, NotificationMethod, fingerprint, record.Id, notification.Id, clock.UtcNow);
        await store.SaveCommandAsync(record, cancellationToken);
        return record.ToContract(OffenderViews.ForCommands, clock.Today);
    }

    public async Task<Contracts.Offender.V1.Offender> RecordVisitAsync(RecordVisitRequest request, CancellationToken cancellationToken)
    {
        VisitSchedules.Validate(request, clock.Window).ThrowIfAny("The visit cannot be recorded.");
        audit.RequireStatedPurpose();
        var fingerprint = RequestFingerprint.Of(request);
        return await store.OnceAsync(request.IdempotencyKey, VisitMethod, fingerprint, ReplayAsync,
            ct => RecordVisitFirstTimeAsync(request, fingerprint, ct), cancellationToken);
    }

    private async Task<Contracts.Offender.V1.Offender> RecordVisitFirstTimeAsync(RecordVisitRequest request, string fingerprint, CancellationToken cancellationToken)
    {
        var record = await store.LoadAsync(request.OffenderId, cancellationToken);
        audit.TouchOffender(record, OffenderViews.ForCommands);
        var visitedOn = Dates.Optional(request.VisitedOn)!.Value;
        new FieldViolations().Require(visitedOn >= record.RegisteredOn, "visited_on", $"Before the offender was registered ({Dates.Text(record.RegisteredOn)}).")
            .ThrowIfAny("The visit cannot be recorded.");
        var visit = new VisitRecord
        {
            Id = RecordIds.New("vis_", clock.Now),
            OffenderId = record.Id,
            VisitedOn = visitedOn,
            Officer = request.Officer.Trim(),
            Outcome = request.Outcome,
            Notes = request.Notes.Trim(),
            RecordedAt = clock.UtcNow,
            RecordedBy = audit.Caller.ClientId,
        };
        record.Visits.Add(visit);
        if (VisitSchedules.CountsAsSeen(request.Outcome) && (record.LastSeenOn is null || visitedOn > record.LastSeenOn))
        {
            record.LastSeenOn = visitedOn;
        }

        record.Reschedule(visits);
        store.Remember(request.IdempotencyKey, VisitMethod, fingerprint, record.Id, visit.Id, clock.UtcNow);
        await store.SaveCommandAsync(record, cancellationToken);
        return record.ToContract(OffenderViews.ForCommands, clock.Today);
    }

    /// <summary>The latest notification the offender made up to that day; the registration if none.</summary>
    private static DateOnly LastNotifiedBefore(OffenderRecord record, DateOnly? notifiedOn) =>
        record.Notifications
            .Where(n => NotificationRules.IsMadeByOffender(n.Kind) && n.NotifiedOn is not null && n.NotifiedOn <= notifiedOn)
            .Select(n => n.NotifiedOn!.Value)
            .Append(record.RegisteredOn)
            .Max();

    /// <summary>A change of home address: the record follows it, and the area's visit interval applies.</summary>
    private void Move(OffenderRecord record, RecordNotificationRequest request)
    {
        if (request.NewAddress is null || request.NewAddress.Equals(new Contracts.Common.V1.Address()))
        {
            return;
        }

        record.Address = request.NewAddress.ToByteArray();
        if (request.NewArea.Trim().Length > 0)
        {
            record.Area = request.NewArea.Trim();
            record.AreaKey = OffenderRecord.Fold(request.NewArea);
            record.Reschedule(visits);
        }
    }

    private async Task<Contracts.Offender.V1.Offender> ReplayAsync(CommandRecord earlier, CancellationToken cancellationToken)
    {
        var record = await store.ReadAsync(earlier.OffenderId, cancellationToken);
        audit.TouchOffender(record, OffenderViews.ForCommands);
        return record.ToContract(OffenderViews.ForCommands, clock.Today);
    }
}
