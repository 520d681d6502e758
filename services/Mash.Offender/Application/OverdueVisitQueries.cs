using Mash.Contracts.Offender.V1;
using Mash.Offender.Data;
using Mash.Offender.Domain;
using Mash.Platform.Audit;
using Mash.Platform.Paging;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Mash.Offender.IntegrationEvents;
using Mash.Platform.Persistence;

namespace Mash.Offender.Application;

/// <summary>Offenders whose scheduled visit is past due, by area and officer, paged.</summary>
internal sealed class OverdueVisitQueries(OffenderDbContext db, CallAudit audit, ServiceClock clock)
{
    private static readonly PageTokenFormat<DateOnly> VisitList = PageTokenFormats.ByDay("vis1");

    /// <summary>Offenders whose next visit was due before today; longest overdue first.</summary>
    public async Task<ListOverdueVisitsResponse> ListOverdueVisitsAsync(ListOverdueVisitsRequest request, CancellationToken cancellationToken)
    {
        ManagedFilter.Check(request.Area, request.ManagingOfficer, request.Page, VisitList, out var size, out var after).ThrowIfAny("The overdue visits cannot be listed.");
        audit.RequireStatedPurpose();

        var today = clock.Today;
        var overdue = ManagedFilter.Apply(db.Offenders.AsNoTracking(), request.Area, request.ManagingOfficer)
            .Where(o => o.NextVisitDueBy != null && o.NextVisitDueBy < today);
        var page = overdue;
        if (after is not null)
        {
            var day = after.Key;
            page = page.Where(o => o.NextVisitDueBy > day || (o.NextVisitDueBy == day && string.Compare(o.Id, after.Id) > 0));
        }

        var records = await page.OrderBy(o => o.NextVisitDueBy).ThenBy(o => o.Id).ReadPageAsync(size, cancellationToken);
        var response = new ListOverdueVisitsResponse { TotalOverdue = await overdue.CountAsync(cancellationToken) };
        foreach (var record in records.Items)
        {
            audit.TouchOnce(OffenderAudit.NoChild, record.Id);
            response.Visits.Add(new OverdueVisit
            {
                Offender = record.ToRef(),
                DueBy = Dates.ToContract(record.NextVisitDueBy!.Value),
                LastSeenOn = Dates.ToContract(record.LastSeenOn),
                DaysOverdue = today.DayNumber - record.NextVisitDueBy!.Value.DayNumber,
                IntervalWeeks = record.VisitIntervalWeeks,
            });
        }

        response.NextPageToken = VisitList.NextToken(records, last => (last.NextVisitDueBy!.Value, last.Id));

        return response;
    }
}
