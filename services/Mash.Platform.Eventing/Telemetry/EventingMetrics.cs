using Mash.Platform.Telemetry;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Mash.Platform.Eventing.Transport;

namespace Mash.Platform.Eventing.Telemetry;

/// <summary>
/// The flow of events through this service (meter "Mash"): published by the outbox relay,
/// settled by the consumer, and how long handling took. Tags: topic, outcome, reason; never a
/// child, an event's payload or its session (child) key.
/// </summary>
public sealed class EventingMetrics
{
    public const string Published = "mash.events.published";
    public const string Consumed = "mash.events.consumed";
    public const string DeadLettered = "mash.events.dead_lettered";
    public const string HandlerDuration = "mash.events.handler.duration";
    public const string BatchGroups = "mash.events.batch_groups";

    private readonly Counter<long> _published;
    private readonly Counter<long> _consumed;
    private readonly Counter<long> _deadLettered;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _batchGroups;

    public EventingMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MashTelemetry.SourceName);
        _published = meter.CreateCounter<long>(Published, "{event}", "Events the outbox relay handed to the broker.");
        _consumed = meter.CreateCounter<long>(Consumed, "{event}", "Deliveries the consumer settled, by outcome: completed, abandoned (to be redelivered) or dead_lettered.");
        _deadLettered = meter.CreateCounter<long>(DeadLettered, "{event}", "Deliveries the consumer dead-lettered, by reason.");
        _duration = meter.CreateHistogram<double>(HandlerDuration, "s", "Time to handle one delivery: read, apply, commit and settle.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _batchGroups = meter.CreateCounter<long>(BatchGroups, "{group}",
            "Groups of a batch's events (one kind, audited alike) by how they were applied: together, in one transaction, or each_alone after that failed (each then costs a transaction of its own).");
    }

    /// <summary>A group of several of a batch's events applied together, or each alone after that failed.</summary>
    public void RecordBatchGroup(string topic, bool together) =>
        _batchGroups.Add(1, new KeyValuePair<string, object?>("topic", topic), new KeyValuePair<string, object?>("applied", together ? "together" : "each_alone"));

    public void RecordPublished(IReadOnlyList<TransportMessage> batch)
    {
        foreach (var topic in batch.GroupBy(m => m.Topic))
        {
            _published.Add(topic.Count(), new KeyValuePair<string, object?>("topic", topic.Key));
        }
    }

    /// <summary>Runs the consumer's handling of one delivery, recording how it was settled and how long it took.</summary>
    public async Task ObserveAsync(Subscription subscription, ReceivedMessage received, Func<ReceivedMessage, Task> handle)
    {
        var observed = new ObservedDelivery(received);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await handle(observed);
        }
        finally
        {
            var outcome = new KeyValuePair<string, object?>("outcome", observed.Outcome);
            var topic = new KeyValuePair<string, object?>("topic", subscription.Topic);
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, topic, outcome);
            _consumed.Add(1, topic, outcome);
            if (observed.DeadLetterReason is { } reason)
            {
                _deadLettered.Add(1, topic, new KeyValuePair<string, object?>("reason", reason));
            }
        }
    }

    /// <summary>The delivery as the handler sees it, remembering its settlement.</summary>
    private sealed class ObservedDelivery : ReceivedMessage
    {
        private readonly ReceivedMessage _inner;

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public ObservedDelivery(ReceivedMessage inner)
        {
            _inner = inner;
            Message = inner.Message;
            DeliveryCount = inner.DeliveryCount;
        }

        /// <summary>"unsettled" if the handler threw before settling (the transport abandons it).</summary>
        public string Outcome { get; private set; } = "unsettled";
        public string? DeadLetterReason { get; private set; }

        public override async Task CompleteAsync(CancellationToken cancellationToken)
        {
            await _inner.CompleteAsync(cancellationToken);
            Outcome = "completed";
        }

        public override async Task AbandonAsync(CancellationToken cancellationToken)
        {
            MarkProcessFailed("abandoned");
            await _inner.AbandonAsync(cancellationToken);
            Outcome = "abandoned";
        }

        public override async Task DeadLetterAsync(string reason, string description, CancellationToken cancellationToken)
        {
            MarkProcessFailed(reason);
            await _inner.DeadLetterAsync(reason, description, cancellationToken);
            Outcome = "dead_lettered";
            DeadLetterReason = reason;
        }

        private static void MarkProcessFailed(string why)
        {
            if (Activity.Current is { } activity && activity.Source == EventTracing.Source && activity.Kind == ActivityKind.Consumer)
            {
                activity.SetStatus(ActivityStatusCode.Error, why);
            }
        }
    }
}
