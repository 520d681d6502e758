using Mash.Contracts.Offender.V1;
using Mash.Offender.Data;
using Mash.Offender.Domain;
using Mash.Platform.Audit;
using Mash.Platform.Paging;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Mash.Offender.IntegrationEvents;

namespace Mash.Offender.Application;

/// <summary>
/// Notification breaches for offender managers: changes notified late or found unnotified,
/// re-confirmations made late, and re-confirmations overdue today. By area and officer, paged.
/// </summary>
internal sealed class NotificationBreachQueries(OffenderDbContext db, CallAudit audit, ServiceClock clock)
{
    private static readonly PageTokenFormat<DateOnly> BreachList = PageTokenFormats.ByDay("ntf1");

    /// <summary>Late and missing notifications, and re-confirmations overdue today; earliest due first.</summary>
    public async Task<ListNotificationBreachesResponse> ListNotificationBreachesAsync(ListNotificationBreachesRequest request, CancellationToken cancellationToken)
    {
        ManagedFilter.Check(request.Area, request.ManagingOfficer, request.Page, BreachList, out var size, out var after).ThrowIfAny("The breaches cannot be listed.");
        audit.RequireStatedPurpose();

        var today = clock.Today;
        var offenders = ManagedFilter.Apply(db.Offenders.AsNoTracking(), request.Area, request.ManagingOfficer);
        var late = from n in db.Notifications.AsNoTracking()
                   join o in offenders on n.OffenderId equals o.Id
                   where n.Breach != 0
                   select new { Notification = n, Offender = o };
        var overdue = offenders.Where(o => o.ReconfirmationDueBy != null && o.ReconfirmationDueBy < today);
        if (after is not null)
        {
            var day = after.Key;
            late = late.Where(x => x.Notification.DueBy > day || (x.Notification.DueBy == day && string.Compare(x.Notification.Id, after.Id) > 0));
            overdue = overdue.Where(o => o.ReconfirmationDueBy > day || (o.ReconfirmationDueBy == day && string.Compare(o.Id, after.Id) > 0));
        }

        // Each source is read one page deep (plus one): the merged page cannot need more of either.
        var lateNotifications = await late.OrderBy(x => x.Notification.DueBy).ThenBy(x => x.Notification.Id).Take(size + 1).ToListAsync(cancellationToken);
        var overdueOffenders = await overdue.OrderBy(o => o.ReconfirmationDueBy).ThenBy(o => o.Id).Take(size + 1).ToListAsync(cancellationToken);
        var merged = lateNotifications
            .Select(x => (Due: x.Notification.DueBy, x.Notification.Id, OffenderId: x.Offender.Id, Breach: new NotificationBreach
            {
                Kind = x.Notification.Breach,
                Offender = x.Offender.ToRef(),
                NotificationId = x.Notification.Id,
                DueBy = Dates.ToContract(x.Notification.DueBy),
                NotifiedOn = Dates.ToContract(x.Notification.NotifiedOn),
                DaysLate = NotificationRules.DaysLate(x.Notification.DueBy, x.Notification.NotifiedOn ?? today),
            }))
            .Concat(overdueOffenders.Select(o => (Due: o.ReconfirmationDueBy!.Value, o.Id, OffenderId: o.Id, Breach: new NotificationBreach
            {
                Kind = BreachKind.ReconfirmationOverdue,
                Offender = o.ToRef(),
                DueBy = Dates.ToContract(o.ReconfirmationDueBy!.Value),
                DaysLate = NotificationRules.DaysLate(o.ReconfirmationDueBy!.Value, today),
            })))
            .OrderBy(x => x.Due).ThenBy(x => x.Id, StringComparer.Ordinal)
            .ToList();

        var page = Page.Cut(merged, size);
        var response = new ListNotificationBreachesResponse { NextPageToken = BreachList.NextToken(page, last => (last.Due, last.Id)) };
        foreach (var item in page.Items)
        {
            audit.TouchOnce(OffenderAudit.NoChild, item.OffenderId);
            response.Breaches.Add(item.Breach);
        }

        return response;
    }
}
