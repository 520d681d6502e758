using System.Diagnostics;

namespace Mash.Abuse.Tests.Infrastructure;

/// <summary>
/// Each process's memory when the abuse node is ready and again when the suite is over, written
/// to abuse-memory.md beside the test assembly: what an operator would see after an outside
/// probe. Resident memory counts mapped assembly pages the page cache shares between processes;
/// private (anonymous) memory is what the process itself holds: heaps, buffers, JIT code.
/// </summary>
public sealed class MemoryReport
{
    private readonly Dictionary<string, (long Resident, long? Private)> _before = [];

    public static (long Resident, long? Private) Measure(int processId)
    {
        using var process = Process.GetProcessById(processId);
        process.Refresh();
        return (process.WorkingSet64, PrivateBytes(processId));
    }

    /// <summary>RssAnon from /proc on Linux; null elsewhere.</summary>
    private static long? PrivateBytes(int processId)
    {
        var status = $"/proc/{processId}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("RssAnon:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    public void Before(IEnumerable<(string Name, int Id)> processes)
    {
        foreach (var (name, id) in processes)
        {
            _before[name] = Measure(id);
        }
    }

    public void After(IEnumerable<(string Name, int Id)> processes)
    {
        var lines = new List<string>
        {
            "| process | resident at ready (MB) | resident after the suite (MB) | private at ready (MB) | private after (MB) |",
            "| --- | --- | --- | --- | --- |",
        };
        foreach (var (name, id) in processes)
        {
            var before = _before.GetValueOrDefault(name);
            var after = Measure(id);
            lines.Add($"| {name} | {Mb(before.Resident)} | {Mb(after.Resident)} | {Mb(before.Private)} | {Mb(after.Private)} |");
        }

        File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, "abuse-memory.md"), lines);
    }

    private static string Mb(long? bytes) => bytes is { } b ? (b / 1_048_576).ToString(System.Globalization.CultureInfo.InvariantCulture) : "n/a";
}
