namespace Mash.Bench;

/// <summary>Command line: `[--quick] [--scenario NAME[,NAME]]... [--out FILE] [--warmup SECONDS] [--set KEY=VALUE]... [--one-process | --process-each]`.</summary>
public sealed record BenchArguments(bool Quick, IReadOnlySet<string> Scenarios, string? OutFile)
{
    public static readonly IReadOnlyList<string> AllScenarios = ["gateway", "durable", "events", "profile", "footprint", "list", "figures"];
    public static string Usage => $"usage: Mash.Bench [--quick] [--scenario {string.Join('|', AllScenarios)}]... [--out FILE] [--warmup SECONDS] [--set KEY=VALUE]... [--one-process | --process-each]";

    /// <summary>
    /// Settings for every process started (Section:Key=value, or an environment variable such as
    /// DOTNET_gcServer=0): to measure a change before making it.
    /// </summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>How long each phase warms up, when not the default of a full or quick run.</summary>
    public TimeSpan? WarmUp { get; init; }

    /// <summary>
    /// How nodes host their gateway and services: by default SQLite nodes in one process, PostgreSQL nodes a process per
    /// application (see <see cref="NodeShape"/>); `--one-process` or `--process-each` for every node.
    /// </summary>
    public NodeShape Shape { get; init; } = NodeShape.AsRun;

    public bool Runs(string scenario) => Scenarios.Contains(scenario);

    public static BenchArguments Parse(IReadOnlyList<string> args)
    {
        var quick = false;
        var scenarios = new HashSet<string>(StringComparer.Ordinal);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        string? outFile = null;
        TimeSpan? warmUp = null;
        var oneProcess = false;
        var processEach = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--scenario" when i + 1 < args.Count:
                    foreach (var name in args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        scenarios.Add(AllScenarios.Contains(name) ? name : throw new ArgumentException($"unknown scenario '{name}'"));
                    }

                    break;
                case "--one-process":
                    oneProcess = true;
                    break;
                case "--process-each":
                    processEach = true;
                    break;
                case "--out" when i + 1 < args.Count:
                    outFile = args[++i];
                    break;
                case "--warmup" when i + 1 < args.Count:
                    warmUp = int.TryParse(args[++i], out var seconds) && seconds is >= 0 and <= 600
                        ? TimeSpan.FromSeconds(seconds)
                        : throw new ArgumentException("--warmup takes whole seconds, 0 to 600");
                    break;
                case "--set" when i + 1 < args.Count && args[i + 1].IndexOf('=', StringComparison.Ordinal) > 0:
                    var setting = args[++i];
                    var equals = setting.IndexOf('=', StringComparison.Ordinal);
                    settings[setting[..equals]] = setting[(equals + 1)..];
                    break;
                default:
                    throw new ArgumentException($"unknown or incomplete option '{args[i]}'");
            }
        }

        if (oneProcess && processEach)
        {
            throw new ArgumentException("--one-process and --process-each exclude each other");
        }

        return new BenchArguments(quick, scenarios.Count > 0 ? scenarios : [.. AllScenarios], outFile)
        {
            Settings = settings, WarmUp = warmUp,
            Shape = oneProcess ? NodeShape.OneProcess : processEach ? NodeShape.ProcessEach : NodeShape.AsRun,
        };
    }
}

/// <summary>How the run's nodes host their gateway and services.</summary>
public enum NodeShape
{
    /// <summary>
    /// Each node as it runs in use: on SQLite in one host process, as the launcher's embedded default runs it (the
    /// only shape that uses SQLite and the local event bus); on PostgreSQL a process per application, as Compose and
    /// Kubernetes deploy it. The `events`, `profile`, `list` and `figures` scenarios stop single services to fill their
    /// databases, so their nodes run a process per application in every shape.
    /// </summary>
    AsRun,

    /// <summary>Every node's gateway and services in one host process, PostgreSQL nodes too.</summary>
    OneProcess,

    /// <summary>Every node's gateway and services a process each, SQLite nodes too: the shape measured before 5 December 2026.</summary>
    ProcessEach,
}
