using Mash.Platform.Telemetry;
using System.Diagnostics;
using Google.Protobuf;
using Mash.Contracts.Events.V1;
using Mash.Platform.Eventing.Transport;

namespace Mash.Platform.Eventing.Telemetry;

/// <summary>
/// One trace from a partner's call to every handler its events reach, on this node or another:
/// the envelope carries the W3C trace context of the call that raised the event (there is no
/// database column for it; the envelope is already stored whole in the outbox), the relay's
/// "publish" and the consumer's "process" activities continue that trace. Tags name topics,
/// subscriptions and event ids only, never a child.
/// </summary>
public static class EventTracing
{
    public static readonly ActivitySource Source = new(MashTelemetry.SourceName);

    /// <summary>Service Bus's own name for the trace context of a message (read by its SDK and Azure Monitor).</summary>
    public const string DiagnosticIdProperty = "Diagnostic-Id";

    /// <summary>Records the current trace (the call raising the event) in the envelope.</summary>
    public static void Stamp(EventEnvelope envelope)
    {
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { } id } current)
        {
            envelope.TraceParent = id;
            envelope.TraceState = current.TraceStateString ?? "";
        }
    }

    /// <summary>The trace context the envelope carries, or default (a new trace) when none or unreadable.</summary>
    public static ActivityContext ParentOf(EventEnvelope envelope) =>
        envelope.TraceParent.Length > 0
        && ActivityContext.TryParse(envelope.TraceParent, envelope.TraceState.Length > 0 ? envelope.TraceState : null, isRemote: true, out var context)
            ? context
            : default;

    /// <summary>The trace parent inside a serialized envelope, or null; for brokers' own trace headers.</summary>
    public static string? TraceParentOf(ReadOnlyMemory<byte> envelope)
    {
        try
        {
            var parent = EventEnvelope.Parser.ParseFrom(envelope.Span).TraceParent;
            return parent.Length > 0 ? parent : null;
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }

    /// <summary>
    /// A "publish" activity for each message of a batch, each in the trace of the call that raised
    /// its event; stop them (<see cref="PublishActivities.Dispose"/>) once the broker answered.
    /// </summary>
    public static PublishActivities StartPublish(IReadOnlyList<TransportMessage> batch)
    {
        if (!Source.HasListeners())
        {
            return new PublishActivities([]);
        }

        var previous = Activity.Current;
        var started = new List<Activity>();
        try
        {
            foreach (var message in batch)
            {
                var parent = TraceParentOf(message.Body) is { } traceParent
                    && ActivityContext.TryParse(traceParent, null, isRemote: true, out var context) ? context : default;
                var activity = Source.StartActivity("publish " + message.Topic, ActivityKind.Producer, parent, Tags("publish", message.Topic, message.MessageId));
                if (activity is not null)
                {
                    started.Add(activity);
                }

                // Siblings, not children of one another: each belongs to its own caller's trace.
                Activity.Current = previous;
            }
        }
        finally
        {
            Activity.Current = previous;
        }

        return new PublishActivities(started);
    }

    /// <summary>A "process" activity, child of the envelope's trace, around applying the event and its commit.</summary>
    public static Activity? StartProcess(EventEnvelope envelope, Subscription subscription)
    {
        var tags = Tags("process", subscription.Topic, envelope.EventId);
        tags.Add(new("messaging.destination.subscription.name", subscription.Name));
        tags.Add(new("mash.event.type", envelope.Type));
        tags.Add(new("mash.event.origin_node", envelope.OriginNode));
        return Source.StartActivity("process " + subscription.Topic, ActivityKind.Consumer, ParentOf(envelope), tags);
    }

    private static List<KeyValuePair<string, object?>> Tags(string operation, string topic, string messageId) =>
    [
        new("messaging.system", "mash"),
        new("messaging.operation.type", operation),
        new("messaging.destination.name", topic),
        new("messaging.message.id", messageId),
    ];
}

/// <summary>The publish activities of one batch: marked failed or not, then stopped together.</summary>
public sealed class PublishActivities(IReadOnlyList<Activity> activities) : IDisposable
{
    public void Failed(Exception e)
    {
        foreach (var activity in activities)
        {
            activity.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
        }
    }

    public void Dispose()
    {
        var previous = Activity.Current;
        foreach (var activity in activities)
        {
            activity.Dispose();
        }

        Activity.Current = previous;
    }
}
