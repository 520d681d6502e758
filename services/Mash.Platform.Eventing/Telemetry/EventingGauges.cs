using Mash.Platform.Telemetry;
using System.Diagnostics.Metrics;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Eventing.Transport;
using Mash.Platform.Hosting;
using Mash.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mash.Platform.Eventing.Telemetry;

/// <summary>
/// What ops watch of a service's events (meter "Mash"): events committed but not yet accepted by
/// the broker, how long the oldest has waited (the relay's lag: it grows while the broker is
/// down), and the dead letters waiting in each of its subscriptions.
/// </summary>
public sealed class EventingGauges : IRefreshedGauges
{
    public const string OutboxPending = "mash.outbox.pending";
    public const string OutboxLag = "mash.outbox.lag";
    public const string DeadLetters = "mash.events.dead_letters";

    /// <summary>Dead letters are counted by listing them; beyond this many the gauge says this many.</summary>
    public const int DeadLetterCountCap = 1000;

    private readonly IMessageTransport _transport;
    private readonly EventHandlerRegistry _registry;
    private readonly ConsumerIdentity _identity;
    private readonly IOptions<MashNodeOptions> _node;
    private readonly TimeProvider _time;
    private volatile Snapshot _last = new(0, 0, new Dictionary<string, long>());

    public EventingGauges(IMeterFactory meters, IMessageTransport transport, EventHandlerRegistry registry,
        ConsumerIdentity identity, IOptions<MashNodeOptions> node, TimeProvider time)
    {
        (_transport, _registry, _identity, _node, _time) = (transport, registry, identity, node, time);
        var meter = meters.Create(MashTelemetry.SourceName);
        meter.CreateObservableGauge(OutboxPending, () => _last.Pending, "{event}", "Events committed and not yet accepted by the broker.");
        meter.CreateObservableGauge(OutboxLag, () => _last.LagSeconds, "s", "How long the oldest unpublished event has waited in the outbox (0 when none).");
        meter.CreateObservableGauge(DeadLetters, () => _last.DeadLetters.Select(d => new Measurement<long>(d.Value, new KeyValuePair<string, object?>("topic", d.Key))),
            "{event}", $"Dead letters waiting in this service's subscription to each topic (counted up to {DeadLetterCountCap}).");
    }

    public async Task RefreshAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<MashDbContext>();
        var unpublished = db.Set<OutboxMessage>().AsNoTracking().Where(m => m.PublishedAt == null);
        var pending = await unpublished.CountAsync(cancellationToken);
        // Rows are published in sequence order: the first unpublished is the oldest.
        var oldest = pending == 0 ? null : await unpublished.OrderBy(m => m.Sequence).Select(m => (DateTime?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var lag = oldest is { } at ? Math.Max(0, (_time.GetUtcNow().UtcDateTime - DateTime.SpecifyKind(at, DateTimeKind.Utc)).TotalSeconds) : 0;

        var deadLetters = new Dictionary<string, long>();
        foreach (var topic in _registry.Topics)
        {
            var subscription = Topics.SubscriptionOf(topic, _identity.ServiceName, _node.Value.Id);
            deadLetters[topic] = (await _transport.DeadLetters(subscription).ListAsync(DeadLetterCountCap, cancellationToken)).Count;
        }

        _last = new Snapshot(pending, lag, deadLetters);
    }

    private sealed record Snapshot(long Pending, double LagSeconds, IReadOnlyDictionary<string, long> DeadLetters);
}
