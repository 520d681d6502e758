using Mash.Platform.Time;
using Mash.Contracts.Strategy.V1;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Identity;
using Mash.Platform.Paging;
using Mash.StrategyDiscussion.Data;
using Mash.StrategyDiscussion.Domain;
using Microsoft.EntityFrameworkCore;
using Mash.StrategyDiscussion.IntegrationEvents;
using Mash.Platform.Persistence;

namespace Mash.StrategyDiscussion.Application;

/// <summary>
/// Reading discussions: one by id, or a child's (held here or shared by partners, matched by the
/// child key) and all by status, latest required first.
/// </summary>
internal sealed class DiscussionQueries(StrategyDbContext db, CallAudit audit, ChildKeyHasher childKeys, DiscussionViews views, ServiceClock clock)
{
    /// <summary>The audit's record id for looking a child's discussions up, whatever was found.</summary>
    public const string ChildLookupRecordId = "strategy-discussions";

    public async Task<Contracts.Strategy.V1.StrategyDiscussion> GetAsync(GetDiscussionRequest request, CancellationToken cancellationToken)
    {
        new FieldViolations().RequireDiscussionId(request.DiscussionId).ThrowIfAny();
        audit.RequireStatedPurpose();
        var record = await db.DiscussionsWithParts.AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == request.DiscussionId, cancellationToken)
            ?? throw RpcErrors.NotFound("strategy discussion", request.DiscussionId);
        audit.TouchRead(record);
        return (await views.ToContractsAsync([record], clock.UtcNow, asLookedUp: null, cancellationToken))[0];
    }

    /// <summary>The list's order, latest required first: (required time, id), both descending.</summary>
    private static readonly PageTokenFormat<DateTime> LatestRequiredFirst = PageTokenFormats.ByTime("r1");

    public async Task<ListDiscussionsResponse> ListAsync(ListDiscussionsRequest request, CancellationToken cancellationToken)
    {
        var v = LatestRequiredFirst.CheckPage(new FieldViolations(), request.Page, out var size, out var after);
        var byChild = ChildIdentityRules.IsGiven(request.Child);
        if (byChild)
        {
            ChildIdentityRules.Validate(v, "child", request.Child, clock.Today);
        }

        v.Require(request.Statuses.All(s => s != DiscussionStatus.Unspecified && Enum.IsDefined(s)), "statuses", "Not a known status.");
        v.ThrowIfAny("The discussions cannot be listed.");
        audit.RequireStatedPurpose();

        var query = db.DiscussionsWithParts.AsNoTracking();
        if (byChild)
        {
            var childKey = childKeys.KeyFor(request.Child);
            audit.Touch(childKey, ChildLookupRecordId);
            query = query.Where(d => d.ChildKey == childKey);
        }

        if (request.Statuses.Count > 0)
        {
            var statuses = request.Statuses.ToList();
            query = query.Where(d => statuses.Contains(d.Status));
        }

        if (after is not null)
        {
            query = query.Where(d => d.RequiredAt < after.Key || (d.RequiredAt == after.Key && string.Compare(d.Id, after.Id) < 0));
        }

        var page = await query.OrderByDescending(d => d.RequiredAt).ThenByDescending(d => d.Id).ReadPageAsync(size, cancellationToken);
        foreach (var record in page.Items)
        {
            audit.TouchRead(record);
        }

        var response = new ListDiscussionsResponse { NextPageToken = LatestRequiredFirst.NextToken(page, last => (last.RequiredAt, last.Id)) };
        // Looked up by the child: partners' discussions are attached to the child as the caller named them.
        response.Discussions.AddRange(await views.ToContractsAsync([.. page.Items], clock.UtcNow, byChild ? request.Child : null, cancellationToken));
        return response;
    }
}
