using Mash.Contracts.Encompass.V1;
using Mash.Custody.Application;
using Mash.Custody.Data;
using Mash.Custody.Domain;
using Mash.Platform.Telemetry;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;
using System.Diagnostics.Metrics;

namespace Mash.Custody.Telemetry;

/// <summary>
/// What a custody inspector and the partnership watch (meter "Mash"): children in custody now, held
/// overnight, breaches going on by kind, and requests for accommodation waiting for an answer. No
/// child is named in any tag.
/// </summary>
internal sealed class CustodyMetrics : IRefreshedGauges
{
    public const string InCustody = "mash.custody.children.in_custody";
    public const string HeldOvernight = "mash.custody.children.held_overnight";
    public const string OngoingBreaches = "mash.custody.breaches.ongoing";
    public const string UnansweredRequests = "mash.custody.accommodation_requests.unanswered";
    /// <summary>At a local authority node: domestic abuse notifications to schools past due and not acknowledged (Operation Encompass).</summary>
    public const string OverdueSchoolNotifications = "mash.encompass.notifications.overdue";
    /// <summary>At a local authority node: notifications waiting for the education safeguarding team to identify the school.</summary>
    public const string AwaitingSchool = "mash.encompass.notifications.awaiting_school";
    /// <summary>The partnership report's figures over the last <see cref="FiguresWindow"/>, by <c>figure</c>.</summary>
    public const string Last30Days = "mash.custody.figures.last_30_days";

    public static readonly TimeSpan FiguresWindow = TimeSpan.FromDays(30);

    private readonly ServiceClock _clock;
    private readonly CustodyRules _rules;
    private long _inCustody;
    private long _heldOvernight;
    private long _unanswered;
    private long _overdueNotifications;
    private long _awaitingSchool;
    private IReadOnlyDictionary<string, long> _breaches = new Dictionary<string, long>();
    private IReadOnlyDictionary<string, long> _figures = new Dictionary<string, long>();

    public CustodyMetrics(IMeterFactory meters, ServiceClock clock, CustodyRules rules)
    {
        _clock = clock;
        _rules = rules;
        var meter = meters.Create(MashTelemetry.SourceName);
        meter.CreateObservableGauge(InCustody, () => Interlocked.Read(ref _inCustody), "{child}", "Juveniles in police custody at this node now.");
        meter.CreateObservableGauge(HeldOvernight, () => Interlocked.Read(ref _heldOvernight), "{child}",
            "Juveniles in custody now who were held after charge in the overnight window.");
        meter.CreateObservableGauge(OngoingBreaches, () => _breaches.Select(b => new Measurement<long>(b.Value, new KeyValuePair<string, object?>("kind", b.Key))),
            "{breach}", "Breaches going on now: appropriate adult waits, reviews overdue or without a waking record, certificates missing, requests unanswered.");
        meter.CreateObservableGauge(UnansweredRequests, () => Interlocked.Read(ref _unanswered), "{request}",
            "At a local authority's node: police nodes' requests for accommodation not yet answered.");
        meter.CreateObservableGauge(OverdueSchoolNotifications, () => Interlocked.Read(ref _overdueNotifications), "{notification}",
            "At a local authority's node: domestic abuse notifications past the start of the school day they were due by, not acknowledged by the school.");
        meter.CreateObservableGauge(AwaitingSchool, () => Interlocked.Read(ref _awaitingSchool), "{notification}",
            "At a local authority's node: domestic abuse notifications waiting for the child's school to be identified.");
        meter.CreateObservableGauge(Last30Days, () => _figures.Select(f => new Measurement<long>(f.Value, new KeyValuePair<string, object?>("figure", f.Key))),
            "{count}", "The partnership report over the last 30 days: children held, held overnight, bail refused, requests made and refused, no request made, certificates missing, appropriate adult waits over the limit.");
    }

    public async Task RefreshAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<CustodyDbContext>();
        var now = _clock.UtcNow;
        var open = await db.DetentionsWithParts.AsNoTracking()
            .Where(d => d.InCustody || d.Reviews.Any(r => r.ChildAsleep && r.ToldOnWakingAt == null)).ToListAsync(cancellationToken);
        Interlocked.Exchange(ref _inCustody, open.Count(d => d.InCustody));
        Interlocked.Exchange(ref _heldOvernight, open.Count(d => d.InCustody && CustodyClocks.HeldOvernight(d.Facts(), now, _rules.ZoneOf(d.Area), _rules.For(d.Area))));
        _breaches = open.SelectMany(d => CustodyClocks.Breaches(d.Facts(), now, _rules.For(d.Area))).Where(b => b.Ongoing)
            .GroupBy(b => b.Kind.ToString()).ToDictionary(g => g.Key, g => (long)g.Count());
        Interlocked.Exchange(ref _unanswered, await db.ReceivedRequests.AsNoTracking().LongCountAsync(r => !r.Answered, cancellationToken));
        Interlocked.Exchange(ref _overdueNotifications, await db.SchoolNotifications.AsNoTracking().LongCountAsync(
            n => (n.Stage == NotificationState.AwaitingSchool || n.Stage == NotificationState.WithSchool) && n.DueAt < now, cancellationToken));
        Interlocked.Exchange(ref _awaitingSchool, await db.SchoolNotifications.AsNoTracking().LongCountAsync(n => n.Stage == NotificationState.AwaitingSchool, cancellationToken));
        var report = await services.GetRequiredService<DetentionQueries>().FiguresAsync(now - FiguresWindow, now, cancellationToken);
        _figures = new Dictionary<string, long>
        {
            ["children_held"] = report.ChildrenHeld,
            ["held_overnight"] = report.HeldOvernight,
            ["bail_refused"] = report.BailRefused,
            ["accommodation_requests_made"] = report.AccommodationRequestsMade,
            ["accommodation_requests_refused"] = report.RequestsRefused,
            ["no_request_made"] = report.NoRequestMade,
            ["certificates_missing"] = report.CertificatesMissing,
            ["appropriate_adult_waits_over_limit"] = report.AppropriateAdultWaitsOverLimit,
        };
    }
}
