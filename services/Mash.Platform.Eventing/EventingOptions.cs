namespace Mash.Platform.Eventing;

/// <summary>Configuration section <c>Mash:Eventing</c>.</summary>
public sealed record EventingOptions
{
    public const string Section = "Mash:Eventing";

    /// <summary>"Local" (the embedded default: a file shared by the processes of this machine) or "ServiceBus".</summary>
    public string Transport { get; init; } = "Local";

    /// <summary>The local transport's file; empty means <c>bus/mash-bus.db</c> in the data directory.</summary>
    public string LocalPath { get; init; } = "";

    /// <summary>Service Bus connection string (a secret); or set <see cref="ServiceBusNamespace"/> for workload identity.</summary>
    public string ServiceBusConnectionString { get; init; } = "";
    public string ServiceBusNamespace { get; init; } = "";

    /// <summary>
    /// How often the relay looks for rows a crash left behind, besides being woken by each commit; also how often it
    /// looks from the start of the outbox rather than after the last row it published (<see cref="Outbox.OutboxCursor"/>).
    /// </summary>
    public TimeSpan OutboxPollInterval { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan OutboxMaxBackoff { get; init; } = TimeSpan.FromSeconds(30);
    public int OutboxBatchSize { get; init; } = 100;

    /// <summary>
    /// The most events of a topic applied in any order (the node's child records) that the relay sends as one broker
    /// message (<see cref="Transport.EventBatches"/>); 1 sends each alone. At most <see cref="Transport.EventBatches.MaxEvents"/>.
    /// </summary>
    public int EventsPerBatchMessage { get; init; } = 32;

    /// <summary>
    /// Whether changes about a child matched without an NHS number are shared with partners
    /// automatically; by default they are not, and the decision not to share is recorded.
    /// </summary>
    public bool ShareUnconfirmedChildMatches { get; init; }

    public int MaxDeliveryCount { get; init; } = 10;
    /// <summary>Sessions (children) each subscription handles at once; unset: the transport's default (local 32, Service Bus 8).</summary>
    public int? MaxConcurrentSessions { get; init; }
    /// <summary>How long a delivered message stays locked (local transport; Service Bus sets it on the subscription).</summary>
    public TimeSpan LockDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Fault injection for tests, refused in Production: after an event's transaction commits,
    /// wait this long before settling it, so a test can kill the process at the worst moment.
    /// </summary>
    public TimeSpan PauseBeforeSettle { get; init; } = TimeSpan.Zero;
}
