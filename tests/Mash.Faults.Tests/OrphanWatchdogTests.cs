using System.Diagnostics;
using Mash.Node.Hosting;

namespace Mash.Faults.Tests;

/// <summary>
/// A parent killed outright (kill -9) takes the processes it started with it: what a launcher, benchmark or test host
/// ended that way used to leave running, serving on its ports. The parent here is a stand-in process, so the test can
/// kill it; the watchdog is the one <see cref="ChildProcess"/> uses for its own process.
/// </summary>
public sealed class OrphanWatchdogTests
{
    [SkippableFact]
    public void Children_of_a_parent_killed_with_kill_9_are_stopped_and_a_process_not_marked_as_its_child_is_left()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "The watchdog reads /proc.");
        using var parent = Sleeper(marker: null);
        var watchdog = new OrphanWatchdog(parent.Id);
        using var child = Sleeper(watchdog);
        using var otherChild = Sleeper(watchdog);
        // As a child id the system has since given to another program: registered, but not started by this parent.
        using var stranger = Sleeper(marker: null);
        try
        {
            watchdog.Watch(child.Id);
            watchdog.Watch(otherChild.Id);
            watchdog.Watch(stranger.Id);
            Assert.False(child.WaitForExit(1_000), "A child stopped while its parent still ran.");

            parent.Kill();
            parent.WaitForExit();

            Assert.True(child.WaitForExit(15_000), "A child outlived its parent by 15 s.");
            Assert.True(otherChild.WaitForExit(5_000), "The second child outlived its parent.");
            // Asked to stop (SIGTERM, 128 + 15), as a service stops gracefully; not killed after the grace period.
            Assert.Equal(143, child.ExitCode);
            Assert.False(stranger.WaitForExit(2_000), "A process not marked as the parent's child was stopped.");
        }
        finally
        {
            foreach (var process in new[] { child, otherChild, stranger })
            {
                if (!process.HasExited)
                {
                    process.Kill();
                }
            }
        }
    }

    private static Process Sleeper(OrphanWatchdog? marker)
    {
        var start = new ProcessStartInfo("sleep", "300") { UseShellExecute = false };
        marker?.Mark(start);
        return Process.Start(start) ?? throw new InvalidOperationException("sleep did not start");
    }
}
