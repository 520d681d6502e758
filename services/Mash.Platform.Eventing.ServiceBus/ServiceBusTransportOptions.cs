using Azure.Core;

namespace Mash.Platform.Eventing.ServiceBus;

/// <summary>
/// Configuration section <c>Mash:ServiceBus</c>. Give either <see cref="ConnectionString"/>
/// (the emulator, or a SAS key) or <see cref="FullyQualifiedNamespace"/> with a
/// <see cref="Credential"/> (workload identity in Azure; set in code, not configuration).
/// </summary>
/// <remarks>
/// Delivery count, lock duration, duplicate detection and sessions are properties of the
/// topics and subscriptions, declared by infrastructure (emulator config, Bicep): Service Bus
/// does not let a client set them, so <see cref="Transport.ProcessorOptions.MaxDeliveryCount"/>
/// and <see cref="Transport.ProcessorOptions.LockDuration"/> are not applied by this transport.
/// </remarks>
public sealed record ServiceBusTransportOptions
{
    public const string Section = "Mash:ServiceBus";

    public string? ConnectionString { get; init; }

    /// <summary>e.g. <c>mash-prod.servicebus.windows.net</c>; used with <see cref="Credential"/>.</summary>
    public string? FullyQualifiedNamespace { get; init; }

    public TokenCredential? Credential { get; init; }

    /// <summary>
    /// How long a processor waits on an idle session before releasing it and accepting another.
    /// Short, so that a few busy children do not hold every session slot while others wait.
    /// </summary>
    public TimeSpan SessionIdleTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a running handler's session lock is renewed; beyond it the lock lapses and the message is redelivered.</summary>
    public TimeSpan MaxAutoLockRenewalDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Dead letters received (and locked) at most while looking for one to replay.</summary>
    public int ReplayScanLimit { get; init; } = 1000;

    /// <summary>How long one receive from a dead-letter queue waits before the queue counts as exhausted.</summary>
    public TimeSpan DeadLetterReceiveWait { get; init; } = TimeSpan.FromSeconds(2);
}
