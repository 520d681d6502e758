using Mash.Bench.Hosting;

namespace Mash.Bench.Tests;

/// <summary>Bytes written, as the durable scenario counts them per submit.</summary>
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
}
