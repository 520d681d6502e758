namespace Mash.Platform.Eventing.Local;

/// <summary>Where the local broker keeps its SQLite file, and how eagerly processors look for work.</summary>
public sealed record LocalTransportOptions
{
    /// <summary>The broker's database file; every process on the machine that shares events opens the same one.</summary>
    public required string Path { get; init; }

    /// <summary>How often a busy processor looks for messages when no signal woke it first.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// The slower poll after <see cref="IdleAfter"/> without work. Sends still wake processors at
    /// once (in-process signal, doorbell file across processes); polling is only the fallback.
    /// </summary>
    public TimeSpan IdlePollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a processor finds nothing before it polls at <see cref="IdlePollInterval"/>.</summary>
    public TimeSpan IdleAfter { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A message id sent to a topic again within this window is dropped, as Service Bus does.</summary>
    public TimeSpan DuplicateDetectionWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long a writer waits for another (process's) writer before failing.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
