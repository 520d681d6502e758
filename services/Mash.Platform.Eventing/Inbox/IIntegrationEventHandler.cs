using Google.Protobuf;
using Mash.Contracts.Events.V1;

namespace Mash.Platform.Eventing.Inbox;

/// <summary>
/// Applies one kind of integration event to this service's database. It stages its changes
/// on the scoped context (and touches the audit for the child) but does not save: the consumer
/// saves them with the inbox entry and the audit entries in one transaction, then settles.
/// </summary>
public interface IIntegrationEventHandler<in TEvent>
    where TEvent : IMessage
{
    Task HandleAsync(EventEnvelope envelope, TEvent payload, CancellationToken cancellationToken);
}

/// <summary>
/// A handler that reads in one query what a group of events will need, when the group is applied together in one scope
/// (a batch's events of one kind): one round trip for the group, not one an event. The consumer calls it once, before
/// the group's events are handled one by one on the same handler; an event applied alone comes without it, so the
/// handler must still work unprepared.
/// </summary>
public interface IPreparesForEventGroup
{
    Task PrepareAsync(IReadOnlyList<EventEnvelope> group, CancellationToken cancellationToken);
}

/// <summary>Thrown by a handler for an event it can never apply (not a passing failure): it is dead-lettered at once.</summary>
public sealed class UnprocessableEventException(string reason, string description) : Exception(description)
{
    public string Reason { get; } = reason;
}

/// <summary>Which nodes' events a subscription wants.</summary>
public enum EventOrigin
{
    /// <summary>Events raised by this node (e.g. Referral to Assessment on one node).</summary>
    ThisNode,
    /// <summary>Events raised by partner nodes (their CSE flags and risk changes).</summary>
    OtherNodes,
    /// <summary>
    /// This node's and partners' alike, on a topic shared with partners (a police node's investigations need to know
    /// of every high CSE flag, its own and social care's); another node's event still only where it is addressed.
    /// </summary>
    AnyNode,
}
