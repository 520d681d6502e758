namespace Mash.Bench;

/// <summary>Command line: `[--quick] [--scenario NAME]... [--out FILE]`.</summary>
public sealed record BenchArguments(bool Quick, IReadOnlySet<string> Scenarios, string? OutFile)
{
    public static readonly IReadOnlyList<string> AllScenarios = ["gateway", "durable", "events", "list"];
    public static string Usage => $"usage: Mash.Bench [--quick] [--scenario {string.Join('|', AllScenarios)}]... [--out FILE]";

    public bool Runs(string scenario) => Scenarios.Contains(scenario);

    public static BenchArguments Parse(IReadOnlyList<string> args)
    {
        var quick = false;
        var scenarios = new HashSet<string>(StringComparer.Ordinal);
        string? outFile = null;
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
                case "--out" when i + 1 < args.Count:
                    outFile = args[++i];
                    break;
                default:
                    throw new ArgumentException($"unknown or incomplete option '{args[i]}'");
            }
        }

        return new BenchArguments(quick, scenarios.Count > 0 ? scenarios : [.. AllScenarios], outFile);
    }
}
