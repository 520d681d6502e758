using System.Diagnostics.Metrics;
using Mash.Assessment.Data;
using Mash.Contracts.Assessment.V1;
using Mash.Platform.Telemetry;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Assessment.Telemetry;

/// <summary>
/// Assessments against their timescale (meter "Mash"): open ones already past it, and conclusions
/// recorded late (breaches). Counts only: no assessment or child in any tag.
/// </summary>
internal sealed class AssessmentMetrics : IRefreshedGauges
{
    public const string Overdue = "mash.assessment.overdue";
    public const string Breaches = "mash.assessment.timescale_breaches";

    private readonly ServiceClock _clock;
    private readonly Counter<long> _breaches;
    private long _overdue;

    public AssessmentMetrics(IMeterFactory meters, ServiceClock clock)
    {
        _clock = clock;
        var meter = meters.Create(MashTelemetry.SourceName);
        meter.CreateObservableGauge(Overdue, () => Interlocked.Read(ref _overdue), "{assessment}", "Open assessments past their timescale.");
        _breaches = meter.CreateCounter<long>(Breaches, "{assessment}", "Assessments concluded after their timescale: breaches recorded.");
    }

    public void Concluded(bool breached)
    {
        if (breached)
        {
            _breaches.Add(1);
        }
    }

    public async Task RefreshAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = _clock.UtcNow;
        var overdue = await services.GetRequiredService<AssessmentDbContext>().Assessments.AsNoTracking()
            .LongCountAsync(a => a.Status == AssessmentStatus.Open && a.DueAt < now, cancellationToken);
        Interlocked.Exchange(ref _overdue, overdue);
    }
}
