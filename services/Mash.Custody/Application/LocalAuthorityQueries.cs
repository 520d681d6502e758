using Mash.Contracts.Custody.V1;
using Mash.Custody.Data;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Paging;
using Mash.Platform.Persistence;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Custody.Application;

/// <summary>At the local authority's node: police nodes' requests for accommodation, oldest unanswered first.</summary>
internal sealed class LocalAuthorityQueries(CustodyDbContext db, CallAudit audit, CustodyRules rules, ServiceClock clock)
{
    private static readonly PageTokenFormat<DateTime> OldestFirst = PageTokenFormats.ByTime("r1");
    private static readonly PageTokenFormat<DateTime> NewestFirst = PageTokenFormats.ByTime("r2");

    public async Task<ListAccommodationRequestsResponse> ListAsync(ListAccommodationRequestsRequest request, CancellationToken cancellationToken)
    {
        var format = request.UnansweredOnly ? OldestFirst : NewestFirst;
        format.CheckPage(new FieldViolations(), request.Page, out var size, out var after).ThrowIfAny("The requests cannot be listed.");
        audit.RequireStatedPurpose();
        var query = db.ReceivedRequests.AsNoTracking();
        Page<ReceivedRequestRecord> page;
        if (request.UnansweredOnly)
        {
            query = query.Where(r => !r.Answered);
            if (after is not null)
            {
                query = query.Where(r => r.RequestedAt > after.Key || (r.RequestedAt == after.Key && string.Compare(r.Id, after.Id) > 0));
            }

            page = await query.OrderBy(r => r.RequestedAt).ThenBy(r => r.Id).ReadPageAsync(size, cancellationToken);
        }
        else
        {
            if (after is not null)
            {
                query = query.Where(r => r.RequestedAt < after.Key || (r.RequestedAt == after.Key && string.Compare(r.Id, after.Id) < 0));
            }

            page = await query.OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id).ReadPageAsync(size, cancellationToken);
        }

        var now = clock.UtcNow;
        var response = new ListAccommodationRequestsResponse { NextPageToken = format.NextToken(page, r => (r.RequestedAt, r.Id)) };
        foreach (var received in page.Items)
        {
            // A police node's record, read here: that node is told who opened it.
            audit.TouchPartnerRecord(received.ChildKey, received.PoliceNode, received.Id);
            response.Requests.Add(received.ToContract(now, rules.For(received.Area), rules.ThisNode));
        }

        return response;
    }
}
