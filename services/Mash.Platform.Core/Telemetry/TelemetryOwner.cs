namespace Mash.Platform.Telemetry;

/// <summary>
/// The application a flow of work belongs to, in a process that hosts several (<see cref="TelemetryOptions.SharedProcess"/>).
/// Claimed on the flow that builds the application, it flows on to everything the application starts from there (its
/// hosted services, its timers), so a span begun there without a parent in the process is known as the application's.
/// </summary>
public sealed class TelemetryOwner
{
    private static readonly AsyncLocal<TelemetryOwner?> Flow = new();

    private TelemetryOwner(string name) => Name = name;

    /// <summary>The application's service name, as its telemetry is exported.</summary>
    public string Name { get; }

    /// <summary>The owner of the current flow of work, if one was claimed.</summary>
    public static TelemetryOwner? Current => Flow.Value;

    /// <summary>
    /// A new owner, made the current flow's: from a synchronous method, for the rest of the calling async method and
    /// what it starts. The node host builds each application on a flow of its own, so no two claim the same flow.
    /// </summary>
    public static TelemetryOwner Claim(string name)
    {
        var owner = new TelemetryOwner(name);
        Flow.Value = owner;
        return owner;
    }

    public override string ToString() => Name;
}
