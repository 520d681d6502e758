using Mash.Platform.Time;
using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Strategy.V1;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Paging;
using Mash.StrategyDiscussion.Data;
using Microsoft.EntityFrameworkCore;

namespace Mash.StrategyDiscussion.Grpc;

/// <summary>
/// What is late on this node: discussions required but not held in time, then the safeguarding
/// actions and child protection conferences their conclusions set. Oldest due first.
/// </summary>
internal sealed class OverdueQueries(StrategyDbContext db, CallAudit audit, ServiceClock clock)
{
    public async Task<ListOverdueResponse> ListOverdueAsync(ListOverdueRequest request, CancellationToken cancellationToken)
    {
        new FieldViolations().CheckPage<DuePageToken>(request.Page, DuePageToken.TryDecode, out var size, out var after).ThrowIfAny("The overdue discussions cannot be listed.");
        audit.RequireStatedPurpose();

        var now = clock.UtcNow;
        var overdue = db.DiscussionsWithParts.AsNoTracking()
            .Where(d => (d.Status == StrategyDbContext.StatusRequired || d.Status == StrategyDbContext.StatusScheduled) && d.DueAt < now);
        var page = after is null
            ? overdue
            : overdue.Where(d => d.DueAt > after.DueAt || (d.DueAt == after.DueAt && string.Compare(d.Id, after.Id) > 0));
        var records = await page.OrderBy(d => d.DueAt).ThenBy(d => d.Id).Take(size + 1).ToListAsync(cancellationToken);

        var response = new ListOverdueResponse { TotalOverdue = await overdue.CountAsync(cancellationToken) };
        foreach (var record in records.Take(size))
        {
            audit.Touch(record.ChildKey, record.Id);
            response.Discussions.Add(record.ToContract(now));
        }

        if (records.Count > size)
        {
            var last = records[size - 1];
            response.NextPageToken = new DuePageToken(last.DueAt, last.Id).Encode();
        }

        return response;
    }

    /// <summary>
    /// Actions past due and not completed, and initial child protection conferences past due. There
    /// is no RPC yet to record a conference as held, so every s47 discussion whose conference due
    /// time has passed is listed; discussions partners shared are theirs to follow up.
    /// </summary>
    public async Task<ListOverdueActionsResponse> ListOverdueActionsAsync(ListOverdueActionsRequest request, CancellationToken cancellationToken)
    {
        new FieldViolations().CheckPage<DuePageToken>(request.Page, DuePageToken.TryDecode, out var size, out var after).ThrowIfAny("The overdue actions cannot be listed.");
        audit.RequireStatedPurpose();

        var now = clock.UtcNow;
        var actions = from a in db.Actions.AsNoTracking()
                      join d in db.Discussions.AsNoTracking() on a.DiscussionId equals d.Id
                      where !d.Received && a.CompletedAt == null && a.DueAt < now
                      select new { Action = a, d.ChildKey, d.Child };
        var conferences = db.Discussions.AsNoTracking().Where(d => !d.Received && d.ConferenceDueAt != null && d.ConferenceDueAt < now);
        if (after is not null)
        {
            actions = actions.Where(x => x.Action.DueAt > after.DueAt || (x.Action.DueAt == after.DueAt && string.Compare(x.Action.Id, after.Id) > 0));
            conferences = conferences.Where(d => d.ConferenceDueAt > after.DueAt || (d.ConferenceDueAt == after.DueAt && string.Compare(d.Id, after.Id) > 0));
        }

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
            .Take(size + 1)
            .ToList();

        var response = new ListOverdueActionsResponse();
        foreach (var (_, _, childKey, item) in merged.Take(size))
        {
            audit.Touch(childKey, item.DiscussionId);
            response.Items.Add(item);
        }

        if (merged.Count > size)
        {
            var last = merged[size - 1];
            response.NextPageToken = new DuePageToken(last.At, last.Id).Encode();
        }

        return response;
    }
}
