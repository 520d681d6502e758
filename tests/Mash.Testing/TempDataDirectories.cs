using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Mash.Testing;

/// <summary>
/// Temporary data directories of in-memory services, removed when the test process exits. Not when their app is
/// disposed: restart tests start a second app on the first one's directory (each holds a database and the node's
/// partnership secret, and a test run makes a few hundred).
/// </summary>
/// <remarks>
/// A test host that is killed, or whose exit the runner cuts short, never runs its exit handler. Each directory's
/// name therefore carries the process id that made it, and the first directory a process makes sweeps away those of
/// processes no longer running, so what one run leaves behind the next run removes.
/// </remarks>
public static partial class TempDataDirectories
{
    private static readonly ConcurrentBag<string> Made = [];

    static TempDataDirectories()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveAll(Made);
        RemoveLeftByEndedProcesses();
    }

    /// <summary>Removes the directories that processes no longer running made and left behind.</summary>
    public static void RemoveLeftByEndedProcesses() => RemoveAll(LeftByEndedProcesses());

    public static string Create(string prefix)
    {
        var path = Directory.CreateTempSubdirectory($"{prefix}{OwnerMark}{Environment.ProcessId}-").FullName;
        Made.Add(path);
        return path;
    }

    private const string OwnerMark = "pid";

    /// <summary>Names as <see cref="Create"/> makes them: a prefix, the maker's process id, the random part.</summary>
    [GeneratedRegex($"^mash-.*-{OwnerMark}(?<pid>[0-9]+)-[^-]+$")]
    private static partial Regex MadeHere();

    private static IEnumerable<string> LeftByEndedProcesses()
    {
        string[] candidates;
        try
        {
            candidates = Directory.GetDirectories(Path.GetTempPath(), "mash-*");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }

        return candidates.Where(path => MadeHere().Match(Path.GetFileName(path)) is { Success: true } name
            && int.TryParse(name.Groups["pid"].ValueSpan, out var pid)
            && !IsRunning(pid));
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void RemoveAll(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Still held open, or already gone: left for the system's temp cleaning.
            }
        }
    }
}
