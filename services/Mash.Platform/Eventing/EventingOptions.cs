namespace Mash.Platform.Eventing;

/// <summary>Configuration section <c>Mash:Eventing</c>.</summary>
public sealed record EventingOptions
{
    public const string Section = "Mash:Eventing";

    /// <summary>"Local" (the embedded default: a file shared by the processes of this machine) or "ServiceBus".</summary>
    public string Transport { get; init; } = "Local";

    /// <summary>The local transport's file; empty means <c>bus/mash-bus.db</c> beside the data directory.</summary>
    public string LocalPath { get; init; } = "";

    /// <summary>Service Bus connection string (a secret); or set <see cref="ServiceBusNamespace"/> for workload identity.</summary>
    public string ServiceBusConnectionString { get; init; } = "";
    public string ServiceBusNamespace { get; init; } = "";

    /// <summary>How often the relay looks for rows a crash left behind, besides being woken by each commit.</summary>
    public TimeSpan OutboxPollInterval { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan OutboxMaxBackoff { get; init; } = TimeSpan.FromSeconds(30);
    public int OutboxBatchSize { get; init; } = 100;

    public int MaxDeliveryCount { get; init; } = 10;
    public int MaxConcurrentSessions { get; init; } = 8;
}
