using System.Diagnostics;
using Mash.Platform.Eventing.Local;
using Mash.Platform.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Mash.Platform.Tests.Eventing.Local;

/// <summary>
/// The applications of a node write to one broker file: they take turns, in their process and across processes,
/// so none of them waits in (or fails out of) SQLite's busy handler because of another.
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

        var gates = new[] { BrokerWriteGate.Acquire(file), BrokerWriteGate.Acquire(sameFile), BrokerWriteGate.Acquire(_temp.File("other.db")) };
        try
        {
            Assert.Same(gates[0], gates[1]);
            Assert.NotSame(gates[0], gates[2]);
        }
        finally
        {
            foreach (var gate in gates)
            {
                gate.Release();
            }
        }

        // Released by all, the file's gate is a new one next time.
        var again = BrokerWriteGate.Acquire(file);
        again.Release();
        Assert.NotSame(gates[0], again);
    }

    [Fact]
    public void Every_write_of_the_process_runs_on_one_connection_and_a_send_after_lazy_writes_waits_for_the_disk_again()
    {
        var file = _temp.File("broker.db");
        using var first = new SqlitePool(file, TimeSpan.FromSeconds(5));
        using var second = new SqlitePool(file, TimeSpan.FromSeconds(5));
        first.Write(tx => tx.Run("CREATE TABLE counter (n INTEGER NOT NULL); INSERT INTO counter VALUES (0);"));

        (SqliteConnection Connection, string Synchronous) Written(SqlitePool pool, bool lazily)
        {
            Func<SqliteTransaction, (SqliteConnection, string)> work = tx =>
            {
                tx.Run("UPDATE counter SET n = n + 1");
                return (tx.Connection!, Convert.ToString(tx.Scalar("PRAGMA synchronous"))!);
            };
            return lazily ? pool.WriteLazily(work) : pool.Write(work);
        }

        var writes = new[] { Written(first, false), Written(second, true), Written(first, true), Written(second, false) };

        // One connection keeps its cached pages from one write to the next, whichever pool wrote.
        Assert.All(writes, w => Assert.Same(writes[0].Connection, w.Connection));
        // FULL = 2, NORMAL = 1: a claim or completion commits lazily, a send never.
        Assert.Equal(["2", "1", "1", "2"], writes.Select(w => w.Synchronous));
        // Pooled connections for reads are others, and see every write.
        Assert.Equal(4L, second.Read(c =>
        {
            Assert.NotSame(writes[0].Connection, c);
            return (long)c.Command("SELECT n FROM counter").ExecuteScalar()!;
        }));
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

    [SkippableFact(Timeout = 30_000)]
    public async Task A_writer_waits_while_another_process_has_the_turn_and_gives_up_after_its_busy_timeout()
    {
        Skip.If(OperatingSystem.IsWindows() || OperatingSystem.IsMacOS(), "The other process here is a POSIX shell's python3.");
        var file = _temp.File("broker.db");
        using var patient = new SqlitePool(file, TimeSpan.FromSeconds(20));
        using var hasty = new SqlitePool(file, TimeSpan.FromMilliseconds(300));
        patient.Write(tx => tx.Run("CREATE TABLE counter (n INTEGER NOT NULL); INSERT INTO counter VALUES (0);"));

        // Another process takes the turn (a POSIX lock on the first byte of the turn file, as the gate takes it) for 3 s.
        using var other = StartHoldingTheTurn(file + ".write-turn", TimeSpan.FromSeconds(3));
        Skip.If(other is null, "python3 is not installed here.");
        Assert.Equal("held", await other!.StandardOutput.ReadLineAsync());

        var refused = Assert.Throws<SqliteException>(() => hasty.Write(tx => tx.Run("UPDATE counter SET n = n + 1")));
        Assert.Contains("write turn", refused.Message, StringComparison.Ordinal);
        var clock = Stopwatch.StartNew();
        patient.Write(tx => tx.Run("UPDATE counter SET n = n + 1"));
        // It waited for the other process to let go (the refused write had taken 0.3 s of its 3 s).
        Assert.True(clock.Elapsed > TimeSpan.FromSeconds(1), $"the write went ahead after {clock.Elapsed} while another process had the turn");
        await other.WaitForExitAsync();

        Assert.Equal(1L, patient.Read(c => c.Command("SELECT n FROM counter").ExecuteScalar()));
    }

    private static Process? StartHoldingTheTurn(string turnFile, TimeSpan howLong)
    {
        var script = $"import fcntl, sys, time\nf = open(sys.argv[1], 'a+')\nfcntl.lockf(f, fcntl.LOCK_EX, 1, 0)\nprint('held', flush=True)\ntime.sleep({howLong.TotalSeconds})\n";
        try
        {
            return Process.Start(new ProcessStartInfo("python3") { ArgumentList = { "-c", script, turnFile }, RedirectStandardOutput = true });
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
