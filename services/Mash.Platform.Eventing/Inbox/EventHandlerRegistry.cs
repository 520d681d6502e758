using Google.Protobuf;
using Google.Protobuf.Reflection;
using Mash.Contracts.Events.V1;
using Mash.Platform.Eventing.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace Mash.Platform.Eventing.Inbox;

/// <summary>The event types this service consumes: by topic, their origin, and their handler.</summary>
public sealed class EventHandlerRegistry
{
    private readonly List<Registration> _registrations = [];

    public IEnumerable<string> Topics => _registrations.Select(r => r.Topic).Distinct();

    internal void Add<TEvent, THandler>(string topic, EventOrigin origin)
        where TEvent : IMessage<TEvent>, new()
        where THandler : IIntegrationEventHandler<TEvent>
    {
        var descriptor = new TEvent().Descriptor;
        _registrations.Add(new Registration(topic, descriptor.FullName, origin, descriptor,
            async (services, envelope, cancellationToken) =>
            {
                var payload = envelope.Payload.Unpack<TEvent>();
                await services.GetRequiredService<THandler>().HandleAsync(envelope, payload, cancellationToken);
            },
            typeof(IPreparesForEventGroup).IsAssignableFrom(typeof(THandler))
                ? (services, group, cancellationToken) => ((IPreparesForEventGroup)services.GetRequiredService<THandler>()).PrepareAsync(group, cancellationToken)
                : null));
    }

    /// <summary>
    /// Whose events the service applies on <paramref name="topic"/>: one origin when every handler there wants the
    /// same, so a broker can leave out the rest (this node's own flag echoed back to a consumer of partners').
    /// </summary>
    public SubscriptionOrigin OriginOf(string topic)
    {
        var origins = _registrations.Where(r => r.Topic == topic).Select(r => r.Origin).Distinct().ToList();
        return origins switch
        {
            [EventOrigin.ThisNode] => SubscriptionOrigin.ThisNode,
            [EventOrigin.OtherNodes] => SubscriptionOrigin.OtherNodes,
            _ => SubscriptionOrigin.AnyNode,
        };
    }

    internal Registration? Find(string topic, string type) =>
        _registrations.FirstOrDefault(r => r.Topic == topic && r.Type == type);

    internal sealed record Registration(
        string Topic, string Type, EventOrigin Origin, MessageDescriptor Descriptor,
        Func<IServiceProvider, EventEnvelope, CancellationToken, Task> Invoke,
        Func<IServiceProvider, IReadOnlyList<EventEnvelope>, CancellationToken, Task>? PrepareGroup);
}
