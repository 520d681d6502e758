using Mash.Contracts.Investigation.V1;
using Mash.Investigation.Data;
using Mash.Investigation.Domain;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Paging;
using Mash.Platform.Persistence;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Investigation.Application;

/// <summary>Investigations read one at a time, listed, by team, and the stalled cases of the daily high-risk list.</summary>
internal sealed class InvestigationQueries(InvestigationStore store, InvestigationViews views, InvestigationRules rules, CallAudit audit, ServiceClock clock)
{
    private static readonly PageTokenFormat<DateTime> OpenedOrder = PageTokenFormats.ByTime("i1");
    private static readonly PageTokenFormat<DateTime> ReviewDueOrder = PageTokenFormats.ByTime("i2");
    private static readonly PageTokenFormat<DateTime> StallOrder = PageTokenFormats.ByTime("i3");

    public Task<Contracts.Investigation.V1.Investigation> GetAsync(GetInvestigationRequest request, CancellationToken cancellationToken)
    {
        new FieldViolations().CheckId("investigation_id", request.InvestigationId, "investigation").ThrowIfAny();
        audit.RequireStatedPurpose();
        return views.GetAsync(request.InvestigationId, cancellationToken);
    }

    /// <summary>Open investigations, oldest first; with <c>reviews_overdue_only</c>, those past their review, the longest overdue first.</summary>
    public async Task<ListInvestigationsResponse> ListAsync(ListInvestigationsRequest request, CancellationToken cancellationToken)
    {
        var format = request.ReviewsOverdueOnly ? ReviewDueOrder : OpenedOrder;
        var v = new FieldViolations()
            .CheckOptionalText("team", request.Team, InvestigationRequestRules.MaxName)
            .CheckOptionalText("officer", request.Officer, InvestigationRequestRules.MaxName);
        format.CheckPage(v, request.Page, out var size, out var after).ThrowIfAny("The investigations cannot be listed.");
        audit.RequireStatedPurpose();
        var now = clock.UtcNow;
        var query = store.Db.InvestigationsWithParts.AsNoTracking().Where(i => i.Open);
        query = request.Team.Length > 0 ? query.Where(i => i.Team == request.Team.Trim()) : query;
        query = request.Officer.Length > 0 ? query.Where(i => i.Officer == request.Officer.Trim()) : query;
        var page = request.ReviewsOverdueOnly
            ? await query.Where(i => i.ReviewDueAt < now).ByTimeAfter(i => i.ReviewDueAt, i => i.Id, after, newestFirst: false).ReadPageAsync(size, cancellationToken)
            : await query.ByTimeAfter(i => i.OpenedAt, i => i.Id, after, newestFirst: false).ReadPageAsync(size, cancellationToken);
        var response = new ListInvestigationsResponse
        {
            NextPageToken = format.NextToken(page, i => (request.ReviewsOverdueOnly ? i.ReviewDueAt : i.OpenedAt, i.Id)),
        };
        var reasons = await HighRiskChildren.ReasonsAsync(store.Db, [.. page.Items.SelectMany(i => i.Children.Select(c => c.ChildKey)).Distinct()], cancellationToken);
        foreach (var record in page.Items)
        {
            store.Touch(record);
            response.Investigations.Add(record.ToContract(now, rules.For(record.Area), HighRiskChildren.For(record, reasons)));
        }

        return response;
    }

    /// <summary>Open investigations per team and officer against each team's capacity: counts only, no child.</summary>
    public async Task<TeamCapacity> CapacityAsync(GetTeamCapacityRequest request, CancellationToken cancellationToken)
    {
        rules.CheckArea(new FieldViolations().CheckOptionalText("area", request.Area, InvestigationRequestRules.MaxName), "area", request.Area)
            .ThrowIfAny("The capacity cannot be read.");
        var area = rules.AreaOr(request.Area);
        var loads = await store.Db.Investigations.AsNoTracking().Where(i => i.Open && i.Area == area)
            .GroupBy(i => new { i.Team, i.Officer }).Select(g => new { g.Key.Team, g.Key.Officer, Count = g.Count() }).ToListAsync(cancellationToken);
        var capacity = rules.For(area).TeamCapacity;
        var answer = new TeamCapacity { Unallocated = loads.Where(l => l.Team.Length == 0).Sum(l => l.Count) };
        foreach (var team in loads.Where(l => l.Team.Length > 0).Select(l => l.Team).Union(capacity.Keys, StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase))
        {
            var ofTeam = loads.Where(l => string.Equals(l.Team, team, StringComparison.OrdinalIgnoreCase)).ToList();
            var open = ofTeam.Sum(l => l.Count);
            var limit = capacity.GetValueOrDefault(team);
            var line = new TeamLoad { Team = team, OpenInvestigations = open, Capacity = limit, OverCapacity = limit > 0 && open > limit };
            line.Officers.AddRange(ofTeam.OrderBy(l => l.Officer, StringComparer.OrdinalIgnoreCase).Select(l => new OfficerLoad { Officer = l.Officer, OpenInvestigations = l.Count }));
            answer.Teams.Add(line);
        }

        return answer;
    }

    /// <summary>The daily high-risk list's stalled cases: the longest-lasting gap first.</summary>
    public async Task<ListStalledInvestigationsResponse> StalledAsync(ListStalledInvestigationsRequest request, CancellationToken cancellationToken)
    {
        StallOrder.CheckPage(new FieldViolations(), request.Page, out var size, out var after).ThrowIfAny("The stalled investigations cannot be listed.");
        audit.RequireStatedPurpose();
        var now = clock.UtcNow;
        var stalled = await StalledNowAsync(now, cancellationToken);
        var page = Page.OfComputed(stalled, x => x.Stalls[0].Since, x => x.Record.Id, after, size);
        var response = new ListStalledInvestigationsResponse { NextPageToken = StallOrder.NextToken(page, x => (x.Stalls[0].Since, x.Record.Id)) };
        foreach (var (record, because, stalls) in page.Items)
        {
            store.Touch(record);
            response.Investigations.Add(new StalledInvestigation
            {
                InvestigationId = record.Id, Children = { record.ChildIdentities() }, Team = record.Team, Officer = record.Officer,
                OpenedAt = Timestamps.Of(record.OpenedAt), HighRiskBecause = { because }, Stalls = { stalls.Select(s => s.ToContract(now)) },
            });
        }

        return response;
    }

    /// <summary>Open investigations of children at high risk with at least one stall now; for the list and the gauge.</summary>
    public async Task<List<(InvestigationRecord Record, IReadOnlyList<string> Because, IReadOnlyList<StallFact> Stalls)>> StalledNowAsync(DateTime now, CancellationToken cancellationToken)
    {
        var db = store.Db;
        var highRiskKeys = db.HighRiskMarks.Where(m => m.Active).Select(m => m.ChildKey);
        var candidates = await db.InvestigationsWithParts.AsNoTracking()
            .Where(i => i.Open && i.Children.Any(c => highRiskKeys.Contains(c.ChildKey)))
            .ToListAsync(cancellationToken);
        var reasons = await HighRiskChildren.ReasonsAsync(db, [.. candidates.SelectMany(i => i.Children.Select(c => c.ChildKey)).Distinct()], cancellationToken);
        return [.. candidates
            .Select(i => (Record: i, Because: HighRiskChildren.For(i, reasons)))
            .Select(x => (x.Record, x.Because, Stalls: StallRules.Stalls(x.Record.Facts(), x.Because.Count > 0, now, rules.For(x.Record.Area))))
            .Where(x => x.Stalls.Count > 0)];
    }
}
