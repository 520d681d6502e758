using System.Diagnostics;
using Mash.Contracts.Events.V1;

namespace Mash.Platform.Eventing.Inbox;

/// <summary>A delivered event waiting to be applied with others of its subscription; <see cref="Done"/> carries its outcome.</summary>
internal sealed class PendingEvent(EventEnvelope envelope, EventHandlerRegistry.Registration registration, bool firstDelivery, CancellationToken cancellationToken)
{
    public EventEnvelope Envelope { get; } = envelope;
    public EventHandlerRegistry.Registration Registration { get; } = registration;
    /// <summary>Whether the broker delivers it for the first time: then the inbox is not read first.</summary>
    public bool FirstDelivery { get; } = firstDelivery;
    public CancellationToken CancellationToken { get; } = cancellationToken;
    /// <summary>The event's "process" activity (in the trace of the call that raised it), for its handler's spans.</summary>
    public Activity? Trace { get; } = Activity.Current;
    /// <summary>Asynchronous continuations: a waiter must not run its settlement on the thread applying the next batch.</summary>
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
