using System.Diagnostics.Metrics;
using Mash.Offender.Data;
using Mash.Platform.Telemetry;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Offender.Telemetry;

/// <summary>Offenders whose home visit is overdue (meter "Mash"), as the overdue visit list counts them; no one is named in any tag.</summary>
internal sealed class OffenderMetrics : IRefreshedGauges
{
    public const string OverdueVisits = "mash.offender.visits.overdue";

    private readonly ServiceClock _clock;
    private long _overdueVisits;

    public OffenderMetrics(IMeterFactory meters, ServiceClock clock)
    {
        _clock = clock;
        meters.Create(MashTelemetry.SourceName).CreateObservableGauge(OverdueVisits, () => Interlocked.Read(ref _overdueVisits), "{offender}",
            "Managed offenders whose next visit was due before today and has not been recorded.");
    }

    public async Task RefreshAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var today = _clock.Today;
        var overdue = await services.GetRequiredService<OffenderDbContext>().Offenders.AsNoTracking()
            .LongCountAsync(o => o.NextVisitDueBy != null && o.NextVisitDueBy < today, cancellationToken);
        Interlocked.Exchange(ref _overdueVisits, overdue);
    }
}
