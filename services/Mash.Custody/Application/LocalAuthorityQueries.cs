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
        // Unanswered: the oldest first, as the team works them; all: the newest first.
        var query = db.ReceivedRequests.AsNoTracking();
        var page = await (request.UnansweredOnly ? query.Where(r => !r.Answered) : query)
            .ByTimeAfter(r => r.RequestedAt, r => r.Id, after, newestFirst: !request.UnansweredOnly)
            .ReadPageAsync(size, cancellationToken);

        var now = clock.UtcNow;
        var response = new ListAccommodationRequestsResponse { NextPageToken = format.NextToken(page, r => (r.RequestedAt, r.Id)) };
        foreach (var received in page.Items)
        {
            // A police node's record, read here: that node is told who opened it.
            audit.TouchPartnerRecord(received.ChildKey, received.PoliceNode, received.Id, CustodyServiceSetup.ServiceName);
            response.Requests.Add(received.ToContract(now, rules.For(received.Area), rules.ThisNode));
        }

        return response;
    }
}
