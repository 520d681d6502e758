using Mash.Testing;

namespace Mash.Platform.Tests.Testing;

public sealed class TempDataDirectoriesTests
{
    // No process has this id: Linux caps process ids far below it.
    private const int EndedProcess = int.MaxValue - 1;

    [Fact]
    public void Directories_left_by_an_ended_process_are_removed_and_this_process_s_are_kept()
    {
        var left = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"mash-sweep-tests-pid{EndedProcess}-{Guid.NewGuid():N}")).FullName;
        File.WriteAllText(Path.Combine(left, "referral.db"), "left behind");
        var notOurs = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"mash-sweep-tests-{Guid.NewGuid():N}")).FullName;
        var ours = TempDataDirectories.Create("mash-sweep-tests-");
        try
        {
            TempDataDirectories.RemoveLeftByEndedProcesses();

            Assert.False(Directory.Exists(left));
            Assert.True(Directory.Exists(ours));
            Assert.True(Directory.Exists(notOurs));
        }
        finally
        {
            Directory.Delete(notOurs, recursive: true);
            if (Directory.Exists(left))
            {
                Directory.Delete(left, recursive: true);
            }
        }
    }
}
