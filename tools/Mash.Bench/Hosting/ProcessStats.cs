using System.Globalization;

namespace Mash.Bench.Hosting;

/// <summary>What Linux says about a process in /proc: resident memory, CPU time used and bytes written.</summary>
public static class ProcessStats
{
    /// <summary>VmRSS in megabytes (MiB), or null when the process is gone or this is not Linux.</summary>
    public static double? ResidentMegabytes(int pid) => Megabytes(pid, "status", "VmRSS");

    /// <summary>RssAnon in megabytes: the process's private memory, without the mapped files (runtime, assemblies) shared with the other services.</summary>
    public static double? PrivateMegabytes(int pid) => Megabytes(pid, "status", "RssAnon");

    /// <summary>
    /// Pss of /proc/PID/smaps_rollup in megabytes: the process's own pages plus its share of each page it maps with
    /// other processes (the runtime's files, mapped by every service alike). Summed over a node's processes, it is the
    /// memory the node holds, where summing their RSS counts those files once per process. Null when unknown.
    /// </summary>
    public static double? ProportionalMegabytes(int pid) => Megabytes(pid, "smaps_rollup", "Pss");

    /// <summary>A field given in kB by /proc/PID/<paramref name="file"/>, in megabytes; null when the process is gone or this is not Linux.</summary>
    private static double? Megabytes(int pid, string file, string field)
    {
        var path = $"/proc/{pid}/{file}";
        try
        {
            return File.Exists(path) ? ParseField(File.ReadAllLines(path), field) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    internal static double? ParseField(IEnumerable<string> statusLines, string field)
    {
        if (ValueOf(statusLines, field) is not { } value)
        {
            return null;
        }

        var kilobytes = long.Parse(value.Split(' ')[0], CultureInfo.InvariantCulture);
        return Math.Round(kilobytes / 1024.0, 1);
    }

    /// <summary>
    /// Bytes the process has caused to be written to storage so far (<c>write_bytes</c> of /proc/PID/io), or null when
    /// the process is gone, this is not Linux, or the kernel keeps no I/O accounting.
    /// </summary>
    public static long? WrittenBytes(int pid)
    {
        try
        {
            return File.Exists($"/proc/{pid}/io") ? ParseCounter(File.ReadAllLines($"/proc/{pid}/io"), "write_bytes") : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    internal static long? ParseCounter(IEnumerable<string> lines, string field) =>
        long.TryParse(ValueOf(lines, field), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>What follows <c>field:</c> on its line of a /proc file (status, io), trimmed; null when there is no such line.</summary>
    private static string? ValueOf(IEnumerable<string> lines, string field) =>
        lines.FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal)) is { } line ? line[(field.Length + 1)..].Trim() : null;

    /// <summary>User plus system CPU time of the process so far, in clock ticks (1/100 s on Linux).</summary>
    public static long CpuTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name, which is in parentheses and may contain spaces.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>The 1-minute load average, or null off Linux.</summary>
    public static double? LoadAverage()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// Waits until the given processes use less than a tenth of a core (e.g. the assessment service
    /// has caught up with the referral events of a seeding), or until the time is up.
    /// </summary>
    public static async Task WaitUntilQuietAsync(IEnumerable<int> pids, TimeSpan atMost)
    {
        var ids = pids.ToList();
        var deadline = DateTime.UtcNow + atMost;
        var before = ids.Sum(CpuTicks);
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(1000);
            var now = ids.Sum(CpuTicks);
            if (now - before < 10)
            {
                return;
            }

            before = now;
        }
    }
}
