using Mash.Contracts.Offender.V1;
using Mash.Offender.Data;
using Mash.Offender.Domain;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Paging;
using Mash.Platform.Eventing.Receipts;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Mash.Offender.IntegrationEvents;
using Mash.Platform.Persistence;

namespace Mash.Offender.Application;

/// <summary>Offenders one by one, and by the area they live in, in the view the caller may see.</summary>
internal sealed class OffenderQueries(OffenderDbContext db, CallAudit audit, ServiceClock clock)
{
    private static readonly PageTokenFormat<int> AreaList = PageTokenFormats.ByNumber("area1");

    public async Task<Contracts.Offender.V1.Offender> GetAsync(GetOffenderRequest request, OffenderView view, CancellationToken cancellationToken)
    {
        new FieldViolations().CheckId("offender_id", request.OffenderId, "offender").ThrowIfAny();
        audit.RequireStatedPurpose();
        var record = await db.OffendersWithParts.AsNoTracking().FirstOrDefaultAsync(o => o.Id == request.OffenderId, cancellationToken)
            ?? throw RpcErrors.NotFound("offender", request.OffenderId);
        audit.TouchOffender(record, view);
        var offender = record.ToContract(view, clock.Today);
        // The sender's proof that the risk changes it shared arrived: part of the full record.
        offender.Details?.RiskHeldByPartners.AddRange((await DeliveryReceipts.HeldByAsync(db, [record.Id], cancellationToken))[record.Id]);
        return offender;
    }

    /// <summary>Highest risk first, then in order of registration.</summary>
    public async Task<ListOffendersInAreaResponse> ListInAreaAsync(ListOffendersInAreaRequest request, OffenderView view, CancellationToken cancellationToken)
    {
        AreaList.CheckPage(new FieldViolations().CheckText("area", request.Area, RequestChecks.MaxName, "Name the area: its officers need to know who lives there."),
            request.Page, out var size, out var after).ThrowIfAny("The offenders cannot be listed.");
        audit.RequireStatedPurpose();

        var areaKey = OffenderRecord.Fold(request.Area);
        var query = db.OffendersWithParts.AsNoTracking().Where(o => o.AreaKey == areaKey);
        if (after is not null)
        {
            var risk = (OffenderRisk)after.Key;
            query = query.Where(o => o.Risk < risk || (o.Risk == risk && string.Compare(o.Id, after.Id) > 0));
        }

        var records = await query.OrderByDescending(o => o.Risk).ThenBy(o => o.Id).ReadPageAsync(size, cancellationToken);
        var response = new ListOffendersInAreaResponse { View = view, NextPageToken = AreaList.NextToken(records, last => ((int)last.Risk, last.Id)) };
        foreach (var record in records.Items)
        {
            audit.TouchOffender(record, view);
            response.Offenders.Add(record.ToContract(view, clock.Today));
        }

        return response;
    }
}
