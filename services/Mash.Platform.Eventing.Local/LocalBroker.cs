using Microsoft.Extensions.Logging;

namespace Mash.Platform.Eventing.Local;

/// <summary>What one transport instance shares with its processors and dead-letter queues.</summary>
internal sealed record LocalBroker(
    LocalTransportOptions Options,
    SqlitePool Pool,
    SubscriptionCatalog Subscriptions,
    MessageSender Sender,
    MessageReceiver Receiver,
    MessageSettlement Settlement,
    Doorbell Doorbell,
    ILogger Logger,
    TimeProvider Time);
