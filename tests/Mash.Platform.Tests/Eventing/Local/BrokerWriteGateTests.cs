using Mash.Platform.Eventing.Local;
using Mash.Platform.Tests.Support;

namespace Mash.Platform.Tests.Eventing.Local;

/// <summary>
/// A node in one process has several applications writing to one broker file: they take turns in the process,
/// so none of them waits in (or fails out of) SQLite's busy handler because of another of the same process.
/// </summary>
public sealed class BrokerWriteGateTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void One_file_has_one_gate_however_its_path_is_written_and_another_file_its_own()
    {
        var file = _temp.File("broker.db");
        var sameFile = Path.Combine(Path.GetDirectoryName(file)!, "sub", "..", "broker.db");

        Assert.Same(BrokerWriteGate.For(file), BrokerWriteGate.For(sameFile));
        Assert.NotSame(BrokerWriteGate.For(file), BrokerWriteGate.For(_temp.File("other.db")));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_writer_waits_its_turn_behind_a_writer_of_its_own_process_instead_of_in_sqlite_where_it_would_time_out()
    {
        var file = _temp.File("broker.db");
        // No busy wait in SQLite at all (the library's own retry then gives up after a second): a writer that met
        // another of this process inside the file would fail while that one holds it longer.
        using var first = new SqlitePool(file, TimeSpan.Zero);
        using var second = new SqlitePool(file, TimeSpan.Zero);
        first.Write(tx => tx.Run("CREATE TABLE counter (n INTEGER NOT NULL); INSERT INTO counter VALUES (0);"));
        second.Read(c => c.Command("SELECT n FROM counter").ExecuteScalar());

        using var holding = new ManualResetEventSlim();
        var slowWriter = Task.Run(() => first.Write(tx =>
        {
            tx.Run("UPDATE counter SET n = n + 1");
            holding.Set();
            Thread.Sleep(TimeSpan.FromSeconds(1.5));
            return 0;
        }));
        holding.Wait();

        var seen = await Task.Run(() => second.Write(tx =>
        {
            tx.Run("UPDATE counter SET n = n + 1");
            return Convert.ToInt32(tx.Scalar("SELECT n FROM counter"));
        }));
        await slowWriter;

        Assert.Equal(2, seen);
    }
}
