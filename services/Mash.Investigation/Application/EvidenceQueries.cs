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
        await TouchOwnersAsync(page.Items.Select(d => d.InvestigationId), cancellationToken);
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
        var firstEnd = DeviceBacklogs.WeekEnds(now, weeks, zone)[0];
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
        answer.Trend.AddRange(DeviceBacklogs.WeeklyTrend(devices, now, weeks, zone).Zip(DeviceBacklogs.WeekEnds(now, weeks, zone))
            .Select(x => new BacklogWeek { WeekEnding = Timestamps.Of(x.Second), Waiting = x.First.Waiting, MedianWaitDays = InvestigationMapper.Days(x.First.Median) }));
        return answer;
    }

    /// <summary>Files without a decision past the area's threshold, the longest waiting first.</summary>
    public async Task<ListChargingWaitsResponse> WaitsAsync(ListChargingWaitsRequest request, CancellationToken cancellationToken)
    {
        WaitOrder.CheckPage(new FieldViolations(), request.Page, out var size, out var after).ThrowIfAny("The waiting files cannot be listed.");
        audit.RequireStatedPurpose();
        var now = clock.UtcNow;
        var waiting = await store.Db.ChargingFiles.AsNoTracking().Where(f => f.DecidedAt == null)
            .Join(store.Db.Investigations, f => f.InvestigationId, i => i.Id, (f, i) => new { File = f, i.Area }).ToListAsync(cancellationToken);
        var over = waiting.Where(x => ChargingWaits.OverThreshold(x.File.SentAt, null, now, rules.For(x.Area)));
        var page = Page.OfComputed(over, x => x.File.SentAt, x => x.File.Id, after, size);
        var response = new ListChargingWaitsResponse { NextPageToken = WaitOrder.NextToken(page, x => (x.File.SentAt, x.File.Id)) };
        await TouchOwnersAsync(page.Items.Select(x => x.File.InvestigationId), cancellationToken);
        response.Files.AddRange(page.Items.Select(x => x.File.ToContract(now, rules.For(x.Area))));
        return response;
    }

    private async Task TouchOwnersAsync(IEnumerable<string> investigationIds, CancellationToken cancellationToken)
    {
        var ids = investigationIds.Distinct().ToList();
        var children = await store.Db.InvestigationChildren.AsNoTracking().Where(c => ids.Contains(c.InvestigationId))
            .Select(c => new { c.ChildKey, c.InvestigationId }).ToListAsync(cancellationToken);
        children.ForEach(c => audit.Touch(c.ChildKey, c.InvestigationId));
    }
}
