using System.Diagnostics;
using System.Globalization;

namespace Mash.Node.Hosting;

/// <summary>
/// Stops the processes a parent started once the parent is gone, however it ended. A launcher, benchmark or test host
/// stopped with Ctrl+C stops its nodes itself; one killed outright (SIGKILL, a test runner ending its host, the kernel's
/// out-of-memory killer) runs no code of its own, and its nodes kept their ports and went on serving and polling.
/// </summary>
/// <remarks>
/// One detached shell per parent waits for the parent to end, then sends SIGTERM (a service's graceful stop) to each
/// child it was told of, and SIGKILL five seconds later to any still running. A child carries its parent's id in its
/// environment (<see cref="ParentVariable"/>), and only a process that does is signalled: an id the system has given
/// since to another program is left alone. Linux only (it reads <c>/proc</c>); elsewhere nothing is watched.
/// </remarks>
public sealed class OrphanWatchdog
{
    public const string ParentVariable = "MASH_STARTED_BY";
    private readonly int _parent;
    private readonly string _registry;
    private readonly Lock _gate = new();
    private bool _watching;

    public OrphanWatchdog(int parent)
    {
        _parent = parent;
        _registry = Path.Combine(Path.GetTempPath(), $"mash-children-{parent.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>The watchdog of the processes this process starts.</summary>
    public static OrphanWatchdog OfThisProcess { get; } = new(Environment.ProcessId);

    /// <summary>The value of <see cref="ParentVariable"/> in the environment of a child this watchdog may stop.</summary>
    public string ParentValue => _parent.ToString(CultureInfo.InvariantCulture);

    /// <summary>Marks a child about to start as this parent's: called before <see cref="Process.Start()"/>.</summary>
    public void Mark(ProcessStartInfo child) => child.Environment[ParentVariable] = ParentValue;

    /// <summary>Stops <paramref name="childId"/> when the parent ends, if it is still the child marked as this parent's.</summary>
    public void Watch(int childId)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        lock (_gate)
        {
            var line = childId.ToString(CultureInfo.InvariantCulture) + "\n";
            if (_watching)
            {
                File.AppendAllText(_registry, line);
                return;
            }

            // Written anew: a list left by an earlier process of the same id names none of this one's children.
            File.WriteAllText(_registry, line);
            _watching = StartShell();
        }
    }

    /// <returns>False if the shell could not start: the children then run unwatched, as they did before, not refused.</returns>
    private bool StartShell()
    {
        var parent = ParentValue;
        var mine = $"tr '\\0' '\\n' < /proc/$c/environ 2>/dev/null | grep -qx '{ParentVariable}={parent}'";
        var script = "exec </dev/null >/dev/null 2>&1; " +
            $"while kill -0 {parent}; do sleep 0.5; done; " +
            $"left=''; for c in $(cat '{_registry}'); do if {mine}; then kill -TERM $c && left=\"$left $c\"; fi; done; " +
            $"if [ -n \"$left\" ]; then sleep 5; for c in $left; do if {mine}; then kill -KILL $c; fi; done; fi; " +
            $"rm -f '{_registry}'";
        // setsid -f: the shell belongs to no process group of the parent's, so whatever ends the parent's group
        // (a terminal closed, a runner killing the group) does not end the watchdog with it.
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false, ArgumentList = { "-f", "sh", "-c", script } };
        try
        {
            using var shell = Process.Start(start);
            shell?.WaitForExit();
            return shell is not null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No setsid on this system.
            return false;
        }
    }
}
