using Mash.Contracts.Encompass.V1;
using Mash.Contracts.Events.V1;
using Mash.Custody.Application.Encompass;
using Mash.Custody.Data;
using Mash.Custody.Domain.Encompass;
using Mash.Platform.Audit;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Eventing.Receipts;
using Mash.Platform.Identity;
using Mash.Platform.Limits;
using Mash.Platform.Time;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;

namespace Mash.Custody.IntegrationEvents.Encompass;

/// <summary>
/// At the local authority node: a police node's notification about a child. Its clock comes from
/// the area's school calendar; the school from the child's enrolment (matched by the child key), or
/// the education safeguarding team's queue. The police node gets a receipt and where it stands.
/// </summary>
internal sealed class DomesticAbuseNotifiedHandler(
    CustodyDbContext db, CallAudit audit, SchoolCalendars calendars, EncompassEvents events, DeliveryReceipts receipts, ServiceClock clock)
    : IIntegrationEventHandler<DomesticAbuseNotified>
{
    public async Task HandleAsync(EventEnvelope envelope, DomesticAbuseNotified payload, CancellationToken cancellationToken)
    {
        if (payload.NotificationId.Length is 0 or > RequestLimits.MaxIdLength || payload.IncidentId.Length is 0 or > RequestLimits.MaxIdLength
            || envelope.ChildKey.Length == 0 || payload.Child is null || !Timestamps.TryUtc(payload.OccurredAt, out var occurredAt)
            || payload.Area.Length is 0 or > RequestLimits.MaxNodeIdLength)
        {
            throw new UnprocessableEventException("IncompleteNotification", "A DomesticAbuseNotified event needs the notification's and incident's ids, the child, the area and when it happened.");
        }

        audit.Touch(envelope.ChildKey, payload.NotificationId);
        if (await db.SchoolNotifications.AnyAsync(n => n.Id == payload.NotificationId, cancellationToken))
        {
            return; // delivered again: stored once
        }

        var now = clock.UtcNow;
        var timing = calendars.ForArea(payload.Area).TimingOf(occurredAt);
        var notification = new SchoolNotificationRecord
        {
            Id = payload.NotificationId,
            IncidentId = payload.IncidentId,
            PoliceNode = envelope.OriginNode,
            Area = payload.Area,
            ChildKey = envelope.ChildKey,
            Child = payload.Child.ToByteArray(),
            Present = payload.Present,
            SawOrHeard = payload.SawOrHeard,
            OccurredAt = occurredAt,
            Location = payload.Location,
            Summary = payload.Summary,
            Household = payload.Household,
            PoliceReference = payload.PoliceReference,
            ReceivedAt = now,
            DueAt = timing.DueUtc,
            VisibleFrom = timing.VisibleFromUtc,
            Stage = NotificationState.AwaitingSchool,
            UpdatedAt = now,
            Version = 1,
        };
        var enrolment = await db.Enrolments.AsNoTracking().FirstOrDefaultAsync(e => e.ChildKey == envelope.ChildKey, cancellationToken);
        if (enrolment is not null)
        {
            SchoolNotificationChanges.SendToSchool(notification, enrolment.SchoolUrn, enrolment.SchoolName, now);
            events.RecordSharedWithSchool(db, notification);
        }

        db.SchoolNotifications.Add(notification);
        receipts.Acknowledge(db, envelope);
        events.SendUpdate(db, notification, now);
    }
}

/// <summary>At the police node: where the local authority node says a child's notification stands; only the node it went to may say.</summary>
internal sealed class SchoolNotificationUpdatedHandler(CustodyDbContext db, CallAudit audit, DeliveryReceipts receipts) : IIntegrationEventHandler<SchoolNotificationUpdated>
{
    public async Task HandleAsync(EventEnvelope envelope, SchoolNotificationUpdated payload, CancellationToken cancellationToken)
    {
        if (payload.NotificationId.Length is 0 or > RequestLimits.MaxIdLength || payload.Notice is null || payload.Version < 1
            || payload.State is NotificationState.Unspecified or NotificationState.NotSent or NotificationState.Sent || !Enum.IsDefined(payload.State))
        {
            throw new UnprocessableEventException("IncompleteUpdate", "A SchoolNotificationUpdated event needs the notification's id, its state, the notice and a version.");
        }

        var notification = await db.ChildNotifications.FirstOrDefaultAsync(n => n.Id == payload.NotificationId, cancellationToken)
            ?? throw new UnprocessableEventException("UnknownNotification", $"This node sent no notification {payload.NotificationId}.");
        if (notification.LocalAuthorityNode != envelope.OriginNode)
        {
            throw new UnprocessableEventException("NotSentThere", $"Notification {notification.Id} went to node '{notification.LocalAuthorityNode}'; node '{envelope.OriginNode}' cannot report on it.");
        }

        audit.Touch(notification.ChildKey, notification.IncidentId);
        if (payload.Version <= notification.NoticeVersion)
        {
            return; // an older report arriving late
        }

        notification.State = payload.State;
        notification.Notice = payload.Notice.ToByteArray();
        notification.NoticeVersion = payload.Version;
        receipts.Acknowledge(db, envelope);
    }
}
