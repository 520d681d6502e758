using Mash.Contracts.Encompass.V1;
using Mash.Custody.Data;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Paging;
using Mash.Platform.Persistence;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Custody.Application.Encompass;

/// <summary>At the police node: incidents with what became of each child's notification.</summary>
internal sealed class IncidentQueries(CustodyDbContext db, CallAudit audit, ServiceClock clock, IncidentCommands incidents)
{
    private static readonly PageTokenFormat<DateTime> NewestFirst = PageTokenFormats.ByTime("e2");

    public Task<Incident> GetAsync(GetIncidentRequest request, CancellationToken cancellationToken)
    {
        new FieldViolations().CheckId("incident_id", request.IncidentId, "domestic abuse incident").ThrowIfAny();
        audit.RequireStatedPurpose();
        return incidents.ReadAsync(request.IncidentId, cancellationToken);
    }

    public async Task<ListIncidentsResponse> ListAsync(ListIncidentsRequest request, CancellationToken cancellationToken)
    {
        NewestFirst.CheckPage(new FieldViolations(), request.Page, out var size, out var after).ThrowIfAny("The incidents cannot be listed.");
        audit.RequireStatedPurpose();
        var page = await db.Incidents.AsNoTracking().Include(i => i.Notifications)
            .ByTimeAfter(i => i.RecordedAt, i => i.Id, after, newestFirst: true)
            .ReadPageAsync(size, cancellationToken);
        var now = clock.UtcNow;
        var response = new ListIncidentsResponse { NextPageToken = NewestFirst.NextToken(page, i => (i.RecordedAt, i.Id)) };
        foreach (var incident in page.Items)
        {
            incidents.TouchChildren(incident);
            response.Incidents.Add(incident.ToContract(now));
        }

        return response;
    }
}
