using Google.Protobuf;
using Mash.Contracts.Encompass.V1;
using Mash.Custody.Data;
using Mash.Custody.Domain.Encompass;
using Mash.Custody.IntegrationEvents.Encompass;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Identity;
using Mash.Platform.Idempotency;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Custody.Application.Encompass;

/// <summary>
/// At the local authority node: children's school enrolments, the education safeguarding team's
/// decisions on notifications waiting for a school, and the schools' acknowledgements. Every change
/// goes back to the police node that sent the notification, in the same transaction.
/// </summary>
internal sealed class SchoolNotificationCommands(
    CustodyStore store, EncompassEvents events, SchoolNotificationQueries reads, ChildKeyHasher childKeys, CallAudit audit, ServiceClock clock, DetentionCommand command)
{
    /// <summary>The child's school; notifications waiting for it go to it now.</summary>
    public async Task<Enrolment> RecordEnrolmentAsync(RecordEnrolmentRequest request, CancellationToken cancellationToken)
    {
        var since = EncompassRequestRules.CheckEnrolment(request, clock.Window);
        audit.RequireStatedPurpose();
        var fingerprint = RequestFingerprint.Of(request);
        const string method = "RecordEnrolment";
        var childKey = childKeys.KeyFor(request.Child);
        return await store.OnceAsync(request.IdempotencyKey, method, fingerprint, reads.ReadEnrolmentAsync, async ct =>
        {
            var now = clock.UtcNow;
            var enrolment = await Enrol(childKey, request.Child.ToByteArray(), request.School, since, now, ct);
            var waiting = await store.Db.SchoolNotifications
                .Where(n => n.ChildKey == childKey && n.Stage == NotificationState.AwaitingSchool).ToListAsync(ct);
            foreach (var notification in waiting)
            {
                ShareWithSchool(notification, enrolment.SchoolUrn, enrolment.SchoolName, now);
                events.SendUpdate(store.Db, notification, now);
            }

            store.Remember(request.IdempotencyKey, method, fingerprint, childKey, now);
            await store.SaveAsync(ct);
            return enrolment.ToContract(waiting.Select(n => n.Id).Order(StringComparer.Ordinal));
        }, cancellationToken);
    }

    /// <summary>The education safeguarding team found the school of a child waiting in its queue.</summary>
    public Task<Notification> IdentifySchoolAsync(IdentifySchoolRequest request, CancellationToken cancellationToken)
    {
        EncompassRequestRules.CheckIdentify(request);
        return RunAsync("IdentifySchool", request, request.NotificationId, request.IdempotencyKey, async (notification, now, ct) =>
        {
            RequireAwaitingSchool(notification, "The school cannot be identified.");
            var child = notification.Child;
            await Enrol(notification.ChildKey, child, request.School, DateOnly.FromDateTime(now), now, ct);
            ShareWithSchool(notification, request.School.Urn, request.School.Name.Trim(), now);
        }, cancellationToken);
    }

    /// <summary>No school found: a decision not to share, with its reason; the child is listed as possibly missing education.</summary>
    public Task<Notification> RecordNoSchoolFoundAsync(RecordNoSchoolFoundRequest request, CancellationToken cancellationToken)
    {
        EncompassRequestRules.CheckNoSchool(request);
        return RunAsync("RecordNoSchoolFound", request, request.NotificationId, request.IdempotencyKey, (notification, now, _) =>
        {
            RequireAwaitingSchool(notification, "The decision cannot be recorded.");
            SchoolNotificationChanges.NoSchoolFound(notification, request.Reason.Trim(), now);
            events.RecordNoSchool(store.Db, notification);
            return Task.CompletedTask;
        }, cancellationToken);
    }

    /// <summary>The school's key adult read it: once, by the school it went to, not before it reached the school.</summary>
    public Task<Notification> AcknowledgeAsync(AcknowledgeNotificationRequest request, SchoolCaller caller, CancellationToken cancellationToken)
    {
        var at = EncompassRequestRules.CheckAcknowledge(request, clock.UtcNow);
        return RunAsync("AcknowledgeNotification", request, request.NotificationId, request.IdempotencyKey, (notification, now, _) =>
        {
            if (notification.AcknowledgedAt is { } acknowledged)
            {
                throw RpcErrors.AlreadyExists("ALREADY_ACKNOWLEDGED",
                    $"Notification {notification.Id} was acknowledged by {notification.AcknowledgedBy} at {acknowledged:yyyy-MM-dd HH:mm} UTC; it is acknowledged once.");
            }

            DetentionCommand.RequireInOrder("acknowledged_at", at, notification.Facts().DeliveredAt, "the time it reached the school", "The acknowledgement cannot be recorded.");
            SchoolNotificationChanges.Acknowledge(notification, request.AcknowledgedBy.Trim(), at, request.SupportPlanned.Trim(), now);
            return Task.CompletedTask;
        }, cancellationToken, caller);
    }

    /// <summary>A change to one notification, once per key; a school's (<paramref name="school"/>) only to its own, checked before it is read.</summary>
    private Task<Notification> RunAsync<TRequest>(
        string method, TRequest request, string notificationId, string idempotencyKey, Func<SchoolNotificationRecord, DateTime, CancellationToken, Task> change,
        CancellationToken cancellationToken, SchoolCaller? school = null)
        where TRequest : IMessage<TRequest>
    {
        audit.RequireStatedPurpose();
        var fingerprint = RequestFingerprint.Of(request);
        return store.OnceAsync(idempotencyKey, method, fingerprint, reads.ReadForReplayAsync, async ct =>
        {
            var notification = await store.Db.SchoolNotifications.FirstOrDefaultAsync(n => n.Id == notificationId, ct)
                ?? throw RpcErrors.NotFound("notification", notificationId);
            var now = clock.UtcNow;
            if (school is not null)
            {
                // Another school's is refused before anything of it is read: the police node hears of no read that did not happen.
                SchoolNotificationQueries.RequireVisibleTo(school, notification, now);
            }

            reads.Read(notification);
            await change(notification, now, ct);
            events.SendUpdate(store.Db, notification, now);
            store.Remember(idempotencyKey, method, fingerprint, notification.Id, now);
            await store.SaveAsync(ct);
            return notification.ToContract(now);
        }, cancellationToken);
    }

    /// <summary>Into the school's list, with its disclosure-log entry; the update for police is the caller's to send.</summary>
    private void ShareWithSchool(SchoolNotificationRecord notification, string urn, string name, DateTime now)
    {
        SchoolNotificationChanges.SendToSchool(notification, urn, name, now);
        events.RecordSharedWithSchool(store.Db, notification);
    }

    /// <summary>One enrolment per child: the latest replaces the one before.</summary>
    private async Task<EnrolmentRecord> Enrol(string childKey, byte[] child, School school, DateOnly since, DateTime now, CancellationToken cancellationToken)
    {
        var enrolment = await store.Db.Enrolments.FirstOrDefaultAsync(e => e.ChildKey == childKey, cancellationToken);
        if (enrolment is null)
        {
            enrolment = new EnrolmentRecord { ChildKey = childKey };
            store.Db.Enrolments.Add(enrolment);
        }

        enrolment.Child = child;
        enrolment.SchoolUrn = school.Urn;
        enrolment.SchoolName = school.Name.Trim();
        enrolment.Since = since;
        enrolment.RecordedAt = now;
        enrolment.RecordedBy = command.Actor;
        audit.Touch(childKey, "school-enrolment");
        return enrolment;
    }

    private static void RequireAwaitingSchool(SchoolNotificationRecord notification, string consequence)
    {
        if (notification.Stage != NotificationState.AwaitingSchool)
        {
            throw RpcErrors.FailedPrecondition($"notification {notification.Id}", "SCHOOL_ALREADY_DECIDED",
                notification.NoSchoolAt is not null
                    ? $"No school was found for it ({notification.NoSchoolReason}). {consequence}"
                    : $"It went to school URN {notification.SchoolUrn} ({notification.SchoolName}). {consequence}");
        }
    }
}
