using Mash.Contracts.Encompass.V1;
using Mash.Custody.Data;
using Mash.Custody.Domain.Encompass;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Paging;
using Mash.Platform.Persistence;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Custody.Application.Encompass;

/// <summary>
/// At the local authority node: notifications as a school sees its own (oldest incident first) and
/// the education safeguarding team sees every one: its queue, the overdue, the children with no
/// school found. Every notification read is audited against the child.
/// </summary>
internal sealed class SchoolNotificationQueries(CustodyDbContext db, CallAudit audit, ServiceClock clock)
{
    private static readonly PageTokenFormat<DateTime> OldestFirst = PageTokenFormats.ByTime("e1");

    /// <summary>What only a police node's view has: never a state at the local authority node.</summary>
    private static readonly NotificationState[] PoliceStates = [NotificationState.NotSent, NotificationState.Sent];

    public async Task<Notification> GetAsync(GetNotificationRequest request, SchoolCaller caller, CancellationToken cancellationToken)
    {
        new FieldViolations().CheckId("notification_id", request.NotificationId, "notification").ThrowIfAny();
        audit.RequireStatedPurpose();
        var notification = await db.SchoolNotifications.AsNoTracking().FirstOrDefaultAsync(n => n.Id == request.NotificationId, cancellationToken)
            ?? throw RpcErrors.NotFound("notification", request.NotificationId);
        var now = clock.UtcNow;
        RequireVisibleTo(caller, notification, now);
        Read(notification);
        return notification.ToContract(now);
    }

    public async Task<ListNotificationsResponse> ListAsync(ListNotificationsRequest request, SchoolCaller caller, CancellationToken cancellationToken)
    {
        var v = new FieldViolations();
        OldestFirst.CheckPage(v, request.Page, out var size, out var after);
        v.Require(request.States.All(s => s != NotificationState.Unspecified && Enum.IsDefined(s) && !PoliceStates.Contains(s)), "states",
                "Awaiting school, held until term, with school, acknowledged or no school found.")
            .Require(request.SchoolUrn.Length == 0 || Domain.Encompass.EncompassRequestRules.IsUrn(request.SchoolUrn), "school_urn",
                "A school's unique reference number is six or seven digits.")
            .ThrowIfAny("The notifications cannot be listed.");
        audit.RequireStatedPurpose();
        var now = clock.UtcNow;
        var query = Filter(db.SchoolNotifications.AsNoTracking(), request, caller, now);
        var page = await query.ByTimeAfter(n => n.OccurredAt, n => n.Id, after, newestFirst: false).ReadPageAsync(size, cancellationToken);
        var response = new ListNotificationsResponse { NextPageToken = OldestFirst.NextToken(page, n => (n.OccurredAt, n.Id)) };
        foreach (var notification in page.Items)
        {
            Read(notification);
            response.Notifications.Add(notification.ToContract(now));
        }

        return response;
    }

    /// <summary>Notifications received for incidents that happened in the period: figures only, no child named.</summary>
    public async Task<EncompassFigures> FiguresAsync(DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var notifications = await db.SchoolNotifications.AsNoTracking()
            .Where(n => n.OccurredAt >= from && n.OccurredAt < to)
            .Select(n => new { n.OccurredAt, n.DueAt, n.VisibleFrom, n.SchoolFoundAt, n.NoSchoolAt, n.AcknowledgedAt })
            .ToListAsync(cancellationToken);
        return NotificationFigures.Of(
            [.. notifications.Select(n => new CountedNotification(n.OccurredAt, new NoticeFacts(n.DueAt, n.VisibleFrom, n.SchoolFoundAt, n.NoSchoolAt, n.AcknowledgedAt)))],
            clock.UtcNow);
    }

    /// <summary>For a retry of a command: the notification as it stands.</summary>
    public async Task<Notification> ReadForReplayAsync(string notificationId, CancellationToken cancellationToken)
    {
        var notification = await db.SchoolNotifications.AsNoTracking().SingleAsync(n => n.Id == notificationId, cancellationToken);
        Read(notification);
        return notification.ToContract(clock.UtcNow);
    }

    /// <summary>For a retry of an enrolment: as it stands, with the notifications that went to the school with it.</summary>
    public async Task<Enrolment> ReadEnrolmentAsync(string childKey, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.AsNoTracking().SingleAsync(e => e.ChildKey == childKey, cancellationToken);
        var sent = await db.SchoolNotifications.AsNoTracking()
            .Where(n => n.ChildKey == childKey && n.SchoolFoundAt == enrolment.RecordedAt).Select(n => n.Id).ToListAsync(cancellationToken);
        audit.Touch(childKey, "school-enrolment");
        return enrolment.ToContract(sent.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// A school may see only its own children's notifications, and only once they may be shown to it
    /// (not while held until term); anything else is PERMISSION_DENIED, so a school learns nothing of
    /// another school's children. The education safeguarding team sees every one.
    /// </summary>
    public static void RequireVisibleTo(SchoolCaller caller, SchoolNotificationRecord notification, DateTime nowUtc)
    {
        if (!caller.IsSchool)
        {
            return;
        }

        if (notification.SchoolUrn != caller.Urn || !notification.Facts().VisibleToSchoolAt(nowUtc))
        {
            throw RpcErrors.PermissionDenied($"Notification {notification.Id} is not one for this school's children (URN {caller.Urn}).");
        }
    }

    /// <summary>Audited here, and the police node that shared it is told who opened it (an access notice).</summary>
    public void Read(SchoolNotificationRecord notification)
    {
        audit.Touch(notification.ChildKey, notification.Id);
        audit.TouchPartnerRecord(notification.ChildKey, notification.PoliceNode, notification.Id, CustodyServiceSetup.ServiceName);
    }

    private static IQueryable<SchoolNotificationRecord> Filter(
        IQueryable<SchoolNotificationRecord> query, ListNotificationsRequest request, SchoolCaller caller, DateTime now)
    {
        if (caller.IsSchool)
        {
            query = query.Where(n => n.SchoolUrn == caller.Urn
                && (n.Stage == NotificationState.WithSchool || n.Stage == NotificationState.Acknowledged) && n.VisibleFrom <= now);
        }
        else if (request.SchoolUrn.Length > 0)
        {
            query = query.Where(n => n.SchoolUrn == request.SchoolUrn);
        }

        if (request.OverdueOnly)
        {
            query = query.Where(n => (n.Stage == NotificationState.AwaitingSchool || n.Stage == NotificationState.WithSchool) && n.DueAt < now);
        }

        if (request.States.Count == 0)
        {
            return query;
        }

        // Held until term is a notification with its school whose time to be shown has not come.
        var held = request.States.Contains(NotificationState.HeldUntilTerm);
        var withSchool = request.States.Contains(NotificationState.WithSchool);
        var stages = request.States.Select(s => s == NotificationState.HeldUntilTerm ? NotificationState.WithSchool : s).Distinct().ToList();
        query = query.Where(n => stages.Contains(n.Stage));
        if (held && !withSchool)
        {
            query = query.Where(n => n.Stage != NotificationState.WithSchool || n.VisibleFrom > now);
        }
        else if (withSchool && !held)
        {
            query = query.Where(n => n.Stage != NotificationState.WithSchool || n.VisibleFrom <= now);
        }

        return query;
    }
}
