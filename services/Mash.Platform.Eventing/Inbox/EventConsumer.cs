using Google.Protobuf;
using Mash.Contracts.Events.V1;
using Mash.Platform.Audit;
using Mash.Platform.Auth;
using Mash.Platform.Eventing.Agreements;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Eventing.Transport;
using Mash.Platform.Hosting;
using Mash.Platform.Persistence;
using Mash.Platform.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mash.Platform.Eventing.Telemetry;

namespace Mash.Platform.Eventing.Inbox;

/// <summary>
/// One subscription per topic this service consumes, named for the service and node. Each
/// message is applied at most once (the inbox, in the handler's transaction) and settled only
/// after that commit; a message that can never be applied is dead-lettered with its reason.
/// </summary>
internal sealed partial class EventConsumer(
    IMessageTransport transport, EventHandlerRegistry registry, IServiceScopeFactory scopes,
    IOptions<MashNodeOptions> node, IOptions<EventingOptions> options, ConsumerIdentity identity,
    TimeProvider time, ILogger<EventConsumer> logger, EventingMetrics? metrics = null) : IHostedService, IAsyncDisposable
{
    private static readonly PerModelQuery<Func<MashDbContext, string, CancellationToken, Task<bool>>> AlreadyApplied =
        new(() => EF.CompileAsyncQuery((MashDbContext db, string eventId, CancellationToken _) =>
            db.Set<ProcessedEvent>().Any(e => e.EventId == eventId)));

    private readonly List<IMessageProcessor> _processors = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var processorOptions = new ProcessorOptions
        {
            MaxConcurrentSessions = options.Value.MaxConcurrentSessions,
            MaxDeliveryCount = options.Value.MaxDeliveryCount,
            LockDuration = options.Value.LockDuration,
        };
        foreach (var topic in registry.Topics)
        {
            var subscription = Topics.SubscriptionOf(topic, identity.ServiceName, node.Value.Id) with { Origin = registry.OriginOf(topic) };
            var processor = transport.CreateProcessor(subscription, (message, ct) => HandleAsync(subscription, message, ct), processorOptions);
            _processors.Add(processor);
            await processor.StartAsync(cancellationToken);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var processor in _processors)
        {
            await processor.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var processor in _processors)
        {
            await processor.DisposeAsync();
        }
    }

    internal Task HandleAsync(Subscription subscription, ReceivedMessage received, CancellationToken cancellationToken) =>
        metrics is null
            ? HandleObservedAsync(subscription, received, cancellationToken)
            : metrics.ObserveAsync(subscription, received, observed => HandleObservedAsync(subscription, observed, cancellationToken));

    private async Task HandleObservedAsync(Subscription subscription, ReceivedMessage received, CancellationToken cancellationToken)
    {
        if (received.Message.Type == EventBatches.MessageType)
        {
            await HandleBatchAsync(subscription, received, cancellationToken);
            return;
        }

        EventEnvelope envelope;
        try
        {
            envelope = EventEnvelope.Parser.ParseFrom(received.Message.Body.Span);
        }
        catch (InvalidProtocolBufferException)
        {
            await DeadLetterAsync(received, "BadPayload", "The message body is not a mash.events.v1.EventEnvelope.", cancellationToken);
            return;
        }

        // In the trace of the call that raised the event, around applying it, its commit and settlement.
        using var activity = EventTracing.StartProcess(envelope, subscription);
        var verdict = Judge(subscription, envelope);
        if (verdict.Refusal is { } refusal)
        {
            await DeadLetterAsync(received, refusal.Reason, refusal.Description, cancellationToken);
            return;
        }

        if (verdict.Registration is not { } registration)
        {
            await received.CompleteAsync(cancellationToken);
            return;
        }

        try
        {
            if (await ApplyOrRefuseAsync(subscription, envelope, registration, received.DeliveryCount, cancellationToken) is { } refused)
            {
                await DeadLetterAsync(received, refused.Reason, refused.Description, cancellationToken);
                return;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogHandlerFailed(envelope.Type, received.DeliveryCount, e.GetType().Name, e.Message);
            await received.AbandonAsync(CancellationToken.None);
            return;
        }

        await SettleAppliedAsync(received, envelope.EventId, cancellationToken);
    }

    /// <summary>Applies the event once; the refusal when its handler says it can never be applied (and it was not before).</summary>
    private async Task<Refusal?> ApplyOrRefuseAsync(
        Subscription subscription, EventEnvelope envelope, EventHandlerRegistry.Registration registration, int deliveryCount, CancellationToken cancellationToken)
    {
        try
        {
            await ApplyOnceAsync(subscription, envelope, registration, firstDelivery: deliveryCount <= 1, cancellationToken);
            return null;
        }
        catch (UnprocessableEventException e)
        {
            // A first delivery is applied without looking in the inbox first: a copy of an event applied
            // before (sent again past the broker's duplicate detection) that its handler refuses is no dead letter.
            return await AlreadyProcessedAsync(envelope.EventId) ? null : new Refusal(e.Reason, e.Message);
        }
    }

    private async Task SettleAppliedAsync(ReceivedMessage received, string eventId, CancellationToken cancellationToken)
    {
        if (options.Value.PauseBeforeSettle > TimeSpan.Zero)
        {
            LogPausingBeforeSettle(eventId, options.Value.PauseBeforeSettle.TotalMilliseconds);
            await Task.Delay(options.Value.PauseBeforeSettle, time, cancellationToken);
        }

        await received.CompleteAsync(cancellationToken);
    }

    /// <summary>What to do with one event: apply it with a handler, leave it (no handler, no refusal), or refuse it.</summary>
    private Verdict Judge(Subscription subscription, EventEnvelope envelope)
    {
        var registration = registry.Find(subscription.Topic, envelope.Type);
        if (registration is null && DataCategories.Carries(subscription.Topic, envelope.Type))
        {
            // One of the topic's event types that this service does not apply (Investigation takes concluded
            // strategy discussions, not outstanding ones): nothing to do, and nothing wrong with it. A dead letter
            // here filled the queue operators watch with one per event, hiding the ones that need them.
            return Verdict.Leave;
        }

        if (registration is null)
        {
            return new Verdict(null, new Refusal("UnknownType", $"No handler for '{envelope.Type}' on topic '{subscription.Topic}'."));
        }

        var fromThisNode = envelope.OriginNode == node.Value.Id;
        var forAnotherNode = (envelope.DestinationNode.Length > 0 && envelope.DestinationNode != node.Value.Id)
            // Shared under agreements with named partners only: a node without one leaves it unapplied.
            || (envelope.RecipientNodes.Count > 0 && !envelope.RecipientNodes.Contains(node.Value.Id));
        var wanted = registration.Origin switch
        {
            EventOrigin.ThisNode => fromThisNode && !forAnotherNode,
            EventOrigin.OtherNodes => !fromThisNode && !forAnotherNode,
            // This node's own event is addressed to its partners, not to itself: it is wanted here all the same.
            _ => fromThisNode || !forAnotherNode,
        };
        var forAnotherService = envelope.DestinationService.Length > 0 && envelope.DestinationService != identity.ServiceName;
        if (!wanted || forAnotherService)
        {
            // Not meant for this subscription (our own flag echoed back, another node's referral, a node
            // without an agreement, a receipt for the service that shared): nothing to apply.
            return Verdict.Leave;
        }

        if (envelope.SchemaVersion is < 1 or > EventOutbox.SchemaVersion || envelope.Payload?.Is(registration.Descriptor) != true)
        {
            return new Verdict(null, new Refusal("UnsupportedPayload", $"Schema version {envelope.SchemaVersion} of '{envelope.Type}' cannot be read here."));
        }

        return new Verdict(registration, null);
    }

    /// <param name="firstDelivery">
    /// Whether the broker delivers it for the first time: then the inbox is not read first. The broker drops an event
    /// sent again within its duplicate detection window, so a first delivery is almost never a duplicate, and one that
    /// is fails at the save on the inbox's key, alone in its group commit, and is completed as a duplicate.
    /// </param>
    private async Task ApplyOnceAsync(
        Subscription subscription, EventEnvelope envelope, EventHandlerRegistry.Registration registration, bool firstDelivery, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MashDbContext>();
        // Opened once for the inbox check and the handler's reads: each query would otherwise take a
        // connection from the pool and give it back. Closed before the save, which joins the commit's.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (!firstDelivery && await AlreadyApplied.For(db)(db, envelope.EventId, cancellationToken))
            {
                return;
            }

            var call = scope.ServiceProvider.GetRequiredService<CallAudit>();
            call.BeginEvent(AgencyNames.FromContract(envelope.OriginAgency), envelope.OriginNode, envelope.Type, envelope.Purpose, envelope.LawfulBasis);

            await registration.Invoke(scope.ServiceProvider, envelope, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        if (scope.ServiceProvider.GetRequiredService<ConsumedEvent>().IsForAnotherService && !db.ChangeTracker.HasChanges())
        {
            return;
        }

        db.Set<ProcessedEvent>().Add(Processed(subscription, envelope));
        try
        {
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().SaveChangesWithAuditAsync(db, cancellationToken);
        }
        catch (DbUpdateException) when (!cancellationToken.IsCancellationRequested)
        {
            // Applied by a concurrent delivery of the same event, this one is a duplicate;
            // anything else is a real failure, and the message is redelivered.
            if (!await AlreadyProcessedAsync(envelope.EventId))
            {
                throw;
            }
        }
    }

    /// <summary>The inbox entry that marks the event applied here.</summary>
    private ProcessedEvent Processed(Subscription subscription, EventEnvelope envelope) => new()
    {
        EventId = envelope.EventId,
        Subscription = subscription.Name,
        Type = envelope.Type,
        OriginNode = envelope.OriginNode,
        ProcessedAt = time.GetUtcNow().UtcDateTime,
    };

    private async Task<bool> AlreadyProcessedAsync(string eventId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MashDbContext>();
        return await AlreadyApplied.For(db)(db, eventId, CancellationToken.None);
    }

    private async Task DeadLetterAsync(ReceivedMessage received, string reason, string description, CancellationToken cancellationToken)
    {
        LogDeadLettered(received.Message.Type, reason);
        await received.DeadLetterAsync(reason, description, cancellationToken);
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Applying {EventType} failed on delivery {DeliveryCount} ({ExceptionType}: {Reason}); it will be redelivered")]
    private partial void LogHandlerFailed(string eventType, int deliveryCount, string exceptionType, string reason);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Fault injection: event {EventId} committed, pausing {PauseMs} ms before settling")]
    private partial void LogPausingBeforeSettle(string eventId, double pauseMs);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Debug, Message = "A batch's {Count} events could not be applied together ({ExceptionType}); applying each alone")]
    private partial void LogBatchAppliedOneByOne(int count, string exceptionType);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Dead-lettered a {MessageType} message: {Reason}")]
    private partial void LogDeadLettered(string messageType, string reason);
}

/// <summary>Why an event can never be applied here: the dead letter's reason and description.</summary>
internal sealed record Refusal(string Reason, string Description);

/// <summary>An event's handler here, or none; or why it is refused.</summary>
internal readonly record struct Verdict(EventHandlerRegistry.Registration? Registration, Refusal? Refusal)
{
    /// <summary>Nothing to apply here, and nothing wrong: completed unapplied.</summary>
    public static Verdict Leave => default;
}

/// <summary>The consuming service's name, used in its subscriptions' names.</summary>
public sealed record ConsumerIdentity(string ServiceName);
