using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Mash.Bench.Hosting;

/// <summary>
/// A run stopped by a signal (Ctrl+C, <c>kill</c>) takes its nodes with it. Without this, a process-per-application
/// node's seven processes outlived the run, serving and polling on the cores the next run measured; the private
/// PostgreSQL server already stops itself when the run's process is gone.
/// </summary>
internal static class StopChildrenOnSignal
{
    /// <summary>Until disposed, SIGINT and SIGTERM first end every process this one started, each with its own children.</summary>
    public static IDisposable Register()
    {
        var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => KillChildren());
        var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => KillChildren());
        return new Registrations(interrupt, terminate);
    }

    private static void KillChildren()
    {
        foreach (var child in ChildrenOf(Environment.ProcessId))
        {
            try
            {
                using var process = Process.GetProcessById(child);
                process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Ended meanwhile.
            }
        }
    }

    /// <summary>From <c>/proc</c> (Linux), where a node's processes are started from this one; elsewhere none are found.</summary>
    private static List<int> ChildrenOf(int parent)
    {
        var children = new List<int>();
        if (!Directory.Exists("/proc"))
        {
            return children;
        }

        var parentId = parent.ToString(CultureInfo.InvariantCulture);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && ProcessStats.StatFields(pid) is [_, var ppid, ..] && ppid == parentId)
            {
                children.Add(pid);
            }
        }

        return children;
    }

    private sealed class Registrations(params IDisposable[] registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }
}
