using Mash.Platform.Time;
using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Strategy.V1;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Paging;
using Mash.StrategyDiscussion.Data;
using Microsoft.EntityFrameworkCore;
using Mash.StrategyDiscussion.IntegrationEvents;
using Mash.Platform.Persistence;

namespace Mash.StrategyDiscussion.Application;

/// <summary>
/// What is outstanding and what is late on this node: discussions required but not yet held (and those
/// not held in time), then the safeguarding actions and child protection conferences their conclusions
/// set. Due first.
/// </summary>
internal sealed class OverdueQueries(StrategyDbContext db, CallAudit audit, DiscussionViews views, ServiceClock clock)
{
    public async Task<ListOverdueResponse> ListOverdueAsync(ListOverdueRequest request, CancellationToken cancellationToken)
    {
        var (discussions, next, total, _) = await NotYetHeldAsync(request.Page, pastDueOnly: true, cancellationToken);
        var response = new ListOverdueResponse { TotalOverdue = total, NextPageToken = next };
        response.Discussions.AddRange(discussions);
        return response;
    }

    public async Task<ListOutstandingResponse> ListOutstandingAsync(ListOutstandingRequest request, CancellationToken cancellationToken)
    {
        var (discussions, next, total, overdue) = await NotYetHeldAsync(request.Page, pastDueOnly: false, cancellationToken);
        var response = new ListOutstandingResponse { TotalOutstanding = total, TotalOverdue = overdue, NextPageToken = next };
        response.Discussions.AddRange(discussions);
        return response;
    }

    /// <summary>Discussions required or scheduled and not yet held (only those past due if asked), due first, one page of them.</summary>
    private async Task<(List<Contracts.Strategy.V1.StrategyDiscussion> Page, string NextPageToken, int Total, int PastDue)> NotYetHeldAsync(
        PageRequest? pageRequest, bool pastDueOnly, CancellationToken cancellationToken)
    {
        PageTokenFormats.Due.CheckPage(new FieldViolations(), pageRequest, out var size, out var after).ThrowIfAny("The discussions cannot be listed.");
        audit.RequireStatedPurpose();

        var now = clock.UtcNow;
        var notYetHeld = db.DiscussionsWithParts.AsNoTracking()
            .Where(d => d.Status == DiscussionStatus.Required || d.Status == DiscussionStatus.Scheduled);
        var pastDue = notYetHeld.Where(d => d.DueAt < now);
        var listed = pastDueOnly ? pastDue : notYetHeld;
        var page = after is null
            ? listed
            : listed.Where(d => d.DueAt > after.Key || (d.DueAt == after.Key && string.Compare(d.Id, after.Id) > 0));
        var records = await page.OrderBy(d => d.DueAt).ThenBy(d => d.Id).ReadPageAsync(size, cancellationToken);

        foreach (var record in records.Items)
        {
            audit.TouchRead(record);
        }

        var discussions = await views.ToContractsAsync([.. records.Items], now, asLookedUp: null, cancellationToken);
        var total = await listed.CountAsync(cancellationToken);
        var overdue = pastDueOnly ? total : await pastDue.CountAsync(cancellationToken);
        return (discussions, PageTokenFormats.Due.NextToken(records, last => (last.DueAt, last.Id)), total, overdue);
    }

    /// <summary>
    /// Actions past due and not completed, and initial child protection conferences past due. There
    /// is no RPC yet to record a conference as held, so every s47 discussion whose conference due
    /// time has passed is listed; discussions partners shared are theirs to follow up.
    /// </summary>
    public async Task<ListOverdueActionsResponse> ListOverdueActionsAsync(ListOverdueActionsRequest request, CancellationToken cancellationToken)
    {
        PageTokenFormats.Due.CheckPage(new FieldViolations(), request.Page, out var size, out var after).ThrowIfAny("The overdue actions cannot be listed.");
        audit.RequireStatedPurpose();

        var now = clock.UtcNow;
        var actions = from a in db.Actions.AsNoTracking()
                      join d in db.Discussions.AsNoTracking() on a.DiscussionId equals d.Id
                      where !d.Received && a.CompletedAt == null && a.DueAt < now
                      select new { Action = a, d.ChildKey, d.Child };
        var conferences = db.Discussions.AsNoTracking().Where(d => !d.Received && d.ConferenceDueAt != null && d.ConferenceDueAt < now);
        if (after is not null)
        {
            actions = actions.Where(x => x.Action.DueAt > after.Key || (x.Action.DueAt == after.Key && string.Compare(x.Action.Id, after.Id) > 0));
            conferences = conferences.Where(d => d.ConferenceDueAt > after.Key || (d.ConferenceDueAt == after.Key && string.Compare(d.Id, after.Id) > 0));
        }

        // Each source is read one page deep (plus one): the merged page cannot need more of either.
        var overdueActions = await actions.OrderBy(x => x.Action.DueAt).ThenBy(x => x.Action.Id).Take(size + 1).ToListAsync(cancellationToken);
        var overdueConferences = await conferences.OrderBy(d => d.ConferenceDueAt).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.ChildKey, d.Child, DueAt = d.ConferenceDueAt!.Value }).Take(size + 1).ToListAsync(cancellationToken);

        var merged = overdueActions
            .Select(x => (At: x.Action.DueAt, Id: x.Action.Id, x.ChildKey, Item: new OverdueItem
            {
                DiscussionId = x.Action.DiscussionId,
                Child = DiscussionMapper.ChildOf(x.Child),
                Action = x.Action.ToContract(now),
            }))
            .Concat(overdueConferences.Select(c => (At: c.DueAt, c.Id, c.ChildKey, Item: new OverdueItem
            {
                DiscussionId = c.Id,
                Child = DiscussionMapper.ChildOf(c.Child),
                ConferenceDueAt = Timestamp.FromDateTime(c.DueAt),
            })))
            .OrderBy(x => x.At).ThenBy(x => x.Id, StringComparer.Ordinal)
            .ToList();

        var page = Page.Cut(merged, size);
        var response = new ListOverdueActionsResponse();
        foreach (var (_, _, childKey, item) in page.Items)
        {
            audit.Touch(childKey, item.DiscussionId);
            response.Items.Add(item);
        }

        response.NextPageToken = PageTokenFormats.Due.NextToken(page, last => (last.At, last.Id));

        return response;
    }
}
