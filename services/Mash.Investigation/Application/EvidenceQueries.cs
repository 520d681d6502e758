using Mash.Contracts.Investigation.V1;
using Mash.Investigation.Data;
using Mash.Investigation.Domain;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Paging;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Investigation.Application;

/// <summary>The device queue and backlog, and the files waiting for the prosecutor.</summary>
internal sealed class EvidenceQueries(InvestigationStore store, InvestigationRules rules, CallAudit audit, ServiceClock clock)
{
    public const int DefaultTrendWeeks = 12;
    public const int MaxTrendWeeks = 104;
    private static readonly PageTokenFormat<DateTime> QueueOrder = PageTokenFormats.ByTime("d1");
    private static readonly PageTokenFormat<DateTime> WaitOrder = PageTokenFormats.ByTime("f1");

    /// <summary>Highest priority first, then the longest waiting: the position carries the priority so a page never skips one.</summary>
    public async Task<ListDeviceQueueResponse> QueueAsync(ListDeviceQueueRequest request, CancellationToken cancellationToken)
    {
        QueueOrder.CheckPage(new FieldViolations(), request.Page, out var size, out var after).ThrowIfAny("The queue cannot be listed.");
        audit.RequireStatedPurpose();
        var now = clock.UtcNow;
        var queued = await store.Db.Devices.AsNoTracking().Where(d => d.Queued).ToListAsync(cancellationToken);
        // Ordered by (priority, submitted) as one time: a higher priority counts as waiting centuries longer.
        var page = Page.OfComputed(queued, QueueTime, d => d.Id, after, size);
        var response = new ListDeviceQueueResponse { NextPageToken = QueueOrder.NextToken(page, d => (QueueTime(d), d.Id)) };
        await store.TouchChildrenAsync(page.Items.Select(d => d.InvestigationId), cancellationToken);
        response.Devices.AddRange(page.Items.Select(d => d.ToContract(now)));
        return response;
    }

    private static DateTime QueueTime(DeviceRecord device) => device.SubmittedAt!.Value.AddYears(-400 * (int)device.Priority);

    public async Task<DeviceBacklog> BacklogAsync(GetDeviceBacklogRequest request, CancellationToken cancellationToken)
    {
        new FieldViolations().Require(request.Weeks is >= 0 and <= MaxTrendWeeks, "weeks", $"0 (meaning {DefaultTrendWeeks}) to {MaxTrendWeeks}.").ThrowIfAny("The backlog cannot be read.");
        var weeks = request.Weeks == 0 ? DefaultTrendWeeks : request.Weeks;
        var now = clock.UtcNow;
        var zone = rules.ZoneOf(rules.Area);
        var weekEnds = DeviceBacklogs.WeekEnds(now, weeks, zone);
        var firstEnd = weekEnds[0];
        // What the trend needs: devices submitted by its last week's end and not examined before its first week's end began.
        var since = firstEnd.AddDays(-7);
        var devices = await store.Db.Devices.AsNoTracking()
            .Where(d => d.SubmittedAt != null && (d.ExaminedAt == null || d.ExaminedAt > since))
            .Select(d => new DeviceFacts(d.SeizedAt, d.SubmittedAt, d.ExaminedAt, d.Priority)).ToListAsync(cancellationToken);
        var current = DeviceBacklogs.At(devices, now);
        var answer = new DeviceBacklog
        {
            Waiting = current.Waiting, OldestDays = InvestigationMapper.Days(current.Oldest), MedianWaitDays = InvestigationMapper.Days(current.Median),
            NotSubmitted = await store.Db.Devices.CountAsync(d => d.SubmittedAt == null, cancellationToken),
        };
        answer.ByPriority.AddRange(current.ByPriority.Select(p => new PriorityBacklog { Priority = p.Priority, Waiting = p.Waiting, OldestDays = InvestigationMapper.Days(p.Oldest) }));
        answer.Trend.AddRange(DeviceBacklogs.WeeklyTrend(devices, weekEnds, now).Zip(weekEnds)
            .Select(x => new BacklogWeek { WeekEnding = Timestamps.Of(x.Second), Waiting = x.First.Waiting, MedianWaitDays = InvestigationMapper.Days(x.First.Median) }));
        return answer;
    }

    /// <summary>Files with no decision yet, each with its investigation's area; of one area when given.</summary>
    public Task<List<(ChargingFileRecord File, string Area)>> WaitingFilesAsync(string? area, CancellationToken cancellationToken) =>
        store.Db.ChargingFiles.AsNoTracking().Where(f => f.DecidedAt == null)
            .Join(store.Db.Investigations.Where(i => area == null || i.Area == area), f => f.InvestigationId, i => i.Id, (f, i) => ValueTuple.Create(f, i.Area))
            .ToListAsync(cancellationToken);

    /// <summary>Those of <paramref name="waiting"/> past their area's threshold now.</summary>
    public IEnumerable<(ChargingFileRecord File, string Area)> OverThreshold(IEnumerable<(ChargingFileRecord File, string Area)> waiting, DateTime now) =>
        waiting.Where(x => ChargingWaits.OverThreshold(x.File.SentAt, null, now, rules.For(x.Area)));

    /// <summary>Files without a decision past the area's threshold, the longest waiting first.</summary>
    public async Task<ListChargingWaitsResponse> WaitsAsync(ListChargingWaitsRequest request, CancellationToken cancellationToken)
    {
        WaitOrder.CheckPage(new FieldViolations(), request.Page, out var size, out var after).ThrowIfAny("The waiting files cannot be listed.");
        audit.RequireStatedPurpose();
        var now = clock.UtcNow;
        var over = OverThreshold(await WaitingFilesAsync(null, cancellationToken), now);
        var page = Page.OfComputed(over, x => x.File.SentAt, x => x.File.Id, after, size);
        var response = new ListChargingWaitsResponse { NextPageToken = WaitOrder.NextToken(page, x => (x.File.SentAt, x.File.Id)) };
        await store.TouchChildrenAsync(page.Items.Select(x => x.File.InvestigationId), cancellationToken);
        response.Files.AddRange(page.Items.Select(x => x.File.ToContract(now, rules.For(x.Area))));
        return response;
    }
}
