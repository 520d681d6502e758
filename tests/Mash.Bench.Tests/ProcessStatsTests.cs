using Mash.Bench.Hosting;

namespace Mash.Bench.Tests;

/// <summary>Bytes written, as the durable scenario counts them per submit, and memory as a node of several processes holds it.</summary>
public sealed class ProcessStatsTests
{
    [Fact]
    public void Bytes_written_are_read_from_proc_io()
    {
        string[] io = ["rchar: 5000", "wchar: 9000", "read_bytes: 4096", "write_bytes: 1048576", "cancelled_write_bytes: 0"];

        Assert.Equal(1_048_576, ProcessStats.ParseCounter(io, "write_bytes"));
        Assert.Null(ProcessStats.ParseCounter(["rchar: 5000"], "write_bytes"));
        Assert.Null(ProcessStats.ParseCounter(["write_bytes: lots"], "write_bytes"));
    }

    [SkippableFact]
    public void A_process_that_writes_and_flushes_a_file_has_its_bytes_counted()
    {
        var pid = Environment.ProcessId;
        Skip.If(ProcessStats.WrittenBytes(pid) is null, "No I/O accounting here (not Linux, or a kernel without it).");
        var file = Path.Combine(AppContext.BaseDirectory, $"written-{Guid.NewGuid():N}.bin");
        var before = ProcessStats.WrittenBytes(pid)!.Value;
        try
        {
            using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(new byte[4 * 1024 * 1024]);
                stream.Flush(flushToDisk: true);
            }

            var written = ProcessStats.WrittenBytes(pid)!.Value - before;
            // A file system in memory (tmpfs) sends nothing to storage: then nothing can be said.
            Skip.If(written == 0, "The build folder is on a file system in memory.");
            Assert.InRange(written, 4 * 1024 * 1024, 64 * 1024 * 1024);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_process_share_of_memory_is_read_from_its_smaps_rollup()
    {
        string[] rollup = ["55a0c0000000-7ffc00000000 ---p 00000000 00:00 0  [rollup]", "Rss:              204800 kB", "Pss:              102400 kB", "Pss_Anon:          51200 kB", "Pss_File:          20480 kB"];

        Assert.Equal(100.0, ProcessStats.ParseField(rollup, "Pss"));
        Assert.Equal(50.0, ProcessStats.ParseField(rollup, "Pss_Anon"));
    }

    [SkippableFact]
    public void This_process_share_of_memory_is_at_most_what_it_has_resident()
    {
        var pid = Environment.ProcessId;
        Skip.If(ProcessStats.ProportionalMegabytes(pid) is null, "No smaps_rollup here (not Linux).");

        var share = ProcessStats.ProportionalMegabytes(pid)!.Value;
        var resident = ProcessStats.ResidentMegabytes(pid)!.Value;

        Assert.InRange(share, 1, resident + 1);
    }
}
