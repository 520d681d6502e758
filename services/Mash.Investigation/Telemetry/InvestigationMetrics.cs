using System.Diagnostics.Metrics;
using Mash.Investigation.Application;
using Mash.Investigation.Data;
using Mash.Investigation.Domain;
using Mash.Platform.Telemetry;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Investigation.Telemetry;

/// <summary>
/// What the accountability board watches (meter "Mash"): stalled high-risk investigations, supervisory reviews
/// overdue, the device backlog and files waiting on the prosecutor past the threshold. No child in any tag.
/// </summary>
internal sealed class InvestigationMetrics : IRefreshedGauges
{
    public const string Stalled = "mash.investigation.stalled";
    public const string ReviewsOverdue = "mash.investigation.reviews_overdue";
    public const string DevicesWaiting = "mash.investigation.devices.waiting";
    public const string OldestDeviceWait = "mash.investigation.devices.oldest_wait";
    public const string ChargingWaitsOver = "mash.investigation.charging.waits_over_threshold";

    private readonly ServiceClock _clock;
    private long _stalled;
    private long _reviewsOverdue;
    private long _devicesWaiting;
    private double _oldestDeviceDays;
    private long _chargingOver;

    public InvestigationMetrics(IMeterFactory meters, ServiceClock clock)
    {
        _clock = clock;
        var meter = meters.Create(MashTelemetry.SourceName);
        meter.CreateObservableGauge(Stalled, () => Interlocked.Read(ref _stalled), "{investigation}",
            "Open investigations of children at high risk with a stall now (no ABE interview, devices not examined, no safeguarding measure, no supervisory review).");
        meter.CreateObservableGauge(ReviewsOverdue, () => Interlocked.Read(ref _reviewsOverdue), "{investigation}", "Open investigations past their supervisory review.");
        meter.CreateObservableGauge(DevicesWaiting, () => Interlocked.Read(ref _devicesWaiting), "{device}", "Devices submitted for examination and not yet examined.");
        meter.CreateObservableGauge(OldestDeviceWait, () => Volatile.Read(ref _oldestDeviceDays), "d", "The longest a device now waiting has waited since submission.");
        meter.CreateObservableGauge(ChargingWaitsOver, () => Interlocked.Read(ref _chargingOver), "{file}", "Files waiting for the prosecutor's decision past the area's threshold.");
    }

    public async Task RefreshAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<InvestigationDbContext>();
        var now = _clock.UtcNow;
        Interlocked.Exchange(ref _stalled, (await services.GetRequiredService<InvestigationQueries>().StalledNowAsync(now, cancellationToken)).Count);
        Interlocked.Exchange(ref _reviewsOverdue, await db.Investigations.AsNoTracking().LongCountAsync(i => i.Open && i.ReviewDueAt < now, cancellationToken));
        var queued = await db.Devices.AsNoTracking().Where(d => d.Queued).Select(d => d.SubmittedAt!.Value).ToListAsync(cancellationToken);
        Interlocked.Exchange(ref _devicesWaiting, queued.Count);
        Volatile.Write(ref _oldestDeviceDays, queued.Count == 0 ? 0 : InvestigationMapper.Days(now - queued.Min()));
        var evidence = services.GetRequiredService<EvidenceQueries>();
        Interlocked.Exchange(ref _chargingOver, evidence.OverThreshold(await evidence.WaitingFilesAsync(null, cancellationToken), now).Count());
    }
}
