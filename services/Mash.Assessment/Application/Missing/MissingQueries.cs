using Mash.Assessment.Data;
using Mash.Assessment.Domain.Missing;
using Mash.Contracts.Missing.V1;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Paging;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Assessment.Application.Missing;

/// <summary>Episodes one by one, and the daily MASH meeting's lists.</summary>
internal sealed class MissingQueries(AssessmentDbContext db, MissingEpisodeStore store, CallAudit audit, MissingSettings settings, ServiceClock clock)
{
    private static readonly PageTokenFormat<DateTime> MeetingOrder = PageTokenFormats.ByTime("m1");

    public Task<MissingEpisode> GetAsync(GetMissingEpisodeRequest request, CancellationToken cancellationToken)
    {
        new FieldViolations().CheckId("episode_id", request.EpisodeId, "missing episode").ThrowIfAny();
        audit.RequireStatedPurpose();
        return store.ReadAsync(request.EpisodeId, cancellationToken);
    }

    /// <summary>
    /// Each list in the order the meeting works it, paged by a position (rank, time, id): children
    /// missing now by risk then the longest missing; the others by when the child came back, oldest first.
    /// </summary>
    public async Task<ListMissingForMeetingResponse> ListForMeetingAsync(ListMissingForMeetingRequest request, CancellationToken cancellationToken)
    {
        var v = new FieldViolations().CheckKnown("list", request.List, "Name the list: missing now, returned without interview, interviews overdue or repeated episodes.");
        MeetingOrder.CheckPage(v, request.Page, out var size, out var after).ThrowIfAny("The list cannot be read.");
        audit.RequireStatedPurpose();
        var rules = settings.For(settings.Area);
        var now = clock.UtcNow;
        var rows = await CandidatesAsync(request.List, rules, now, cancellationToken);
        var ordered = rows
            .Select(e => (Episode: e, Rank: request.List == MeetingList.MissingNow ? 3 - (int)e.Risk : 0, Time: request.List == MeetingList.MissingNow ? e.ReportedAt : e.ReturnedAt ?? e.ReportedAt))
            .OrderBy(x => x.Rank).ThenBy(x => x.Time).ThenBy(x => x.Episode.Id, StringComparer.Ordinal)
            .Where(x => after is null || Compare(x.Rank, x.Time, x.Episode.Id, after) > 0)
            .Take(size + 1).ToList();
        var page = Page.Cut(ordered, size);
        var response = new ListMissingForMeetingResponse { NextPageToken = MeetingOrder.NextToken(page, x => (x.Time, $"{x.Rank}:{x.Episode.Id}")) };
        var counts = await WindowCountsAsync(page.Items.Select(x => x.Episode.ChildKey).Distinct().ToList(), rules, now, cancellationToken);
        foreach (var (episode, _, _) in page.Items)
        {
            audit.Touch(episode.ChildKey, episode.Id);
            response.Episodes.Add(episode.ToContract(now, rules, counts.GetValueOrDefault(episode.ChildKey)));
        }

        return response;
    }

    private async Task<List<MissingEpisodeRecord>> CandidatesAsync(MeetingList list, AreaMissingRules rules, DateTime now, CancellationToken cancellationToken)
    {
        var episodes = db.EpisodesWithGrades.AsNoTracking();
        switch (list)
        {
            case MeetingList.MissingNow:
                return await episodes.Where(e => e.Open).ToListAsync(cancellationToken);
            case MeetingList.ReturnedWithoutInterview:
                var recent = now - TimeSpan.FromHours(rules.ReturnedRecentlyHours);
                return (await episodes.Where(e => e.ReturnedAt >= recent).ToListAsync(cancellationToken))
                    .Where(e => ReturnInterviews.ReturnedWithoutInterviewArranged(EpisodeChanges.Facts(e), now, rules)).ToList();
            case MeetingList.InterviewsOverdue:
                var due = now - rules.ReturnInterviewWithin;
                return (await episodes.Where(e => e.ReturnedAt != null && e.ReturnedAt < due).ToListAsync(cancellationToken))
                    .Where(e => ReturnInterviews.Overdue(EpisodeChanges.Facts(e), now, rules)).ToList();
            default:
                // Each child with repeated episodes, once: by the latest episode.
                var since = now - rules.RepeatWindow;
                var inWindow = await episodes.Where(e => e.ReportedAt >= since).ToListAsync(cancellationToken);
                return [.. inWindow.GroupBy(e => e.ChildKey)
                    .Where(g => DailyMissingLists.Repeated([.. g.Select(EpisodeChanges.Facts)], now, rules))
                    .Select(g => g.OrderBy(e => e.ReportedAt).Last())];
        }
    }

    private async Task<Dictionary<string, int>> WindowCountsAsync(List<string> childKeys, AreaMissingRules rules, DateTime now, CancellationToken cancellationToken)
    {
        var since = now - rules.RepeatWindow;
        return await db.MissingEpisodes.AsNoTracking()
            .Where(e => childKeys.Contains(e.ChildKey) && e.ReportedAt >= since && e.ReportedAt <= now)
            .GroupBy(e => e.ChildKey).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }

    private static int Compare(int rank, DateTime time, string id, PageToken<DateTime> after)
    {
        var parts = after.Id.Split(':', 2);
        var afterRank = parts.Length == 2 && int.TryParse(parts[0], out var r) ? r : 0;
        var afterId = parts.Length == 2 ? parts[1] : after.Id;
        return rank != afterRank ? rank.CompareTo(afterRank) : time != after.Key ? time.CompareTo(after.Key) : string.CompareOrdinal(id, afterId);
    }
}
