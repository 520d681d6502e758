using System.Diagnostics;
using System.Runtime.Versioning;
using Microsoft.Data.Sqlite;

namespace Mash.Platform.Eventing.Local;

/// <summary>
/// One write transaction at a time per broker file, in this process and across the processes sharing the file.
/// SQLite lets one connection write at a time; the others wait in its busy handler, which sleeps 1, 2, 5, 10, 15 ...
/// 100 ms between tries however soon the writer before them commits, on the thread it holds all the while. A node's
/// applications send, claim and complete on one file: at a steady 200 submits/s the node in one process slept there
/// about 180 times a second, and a node of a process per application about 740 times a second one flag at a time.
/// Here a writer of this process waits on a lock, handed over as soon as the writer before it commits; then for the
/// processes' turn, a lock on a file beside the broker's that it tries again after yielding, then every millisecond,
/// never longer. A writer that does not take turns (an earlier version) still meets the others in SQLite's busy handler.
/// <para>
/// The turn comes with the file's one writing connection of this process (<see cref="Turn.Writer"/>). A SQLite
/// connection drops its page cache whenever another connection has written to the file since its last transaction,
/// so writers taking turns on pooled connections read the hot pages again from the WAL at nearly every write. One
/// connection for every write of the process keeps them cached for as long as no other process writes.
/// </para>
/// </summary>
internal sealed class BrokerWriteGate
{
    private static readonly Dictionary<string, BrokerWriteGate> Gates = new(StringComparer.Ordinal);
    private static readonly Lock Registry = new();

    private readonly string _path;
    private readonly Lock _turn = new();
    // Null where the platform has no file-region locks: the processes' turn is then left to SQLite.
    private readonly FileStream? _turnFile;
    private int _users;
    // Held by the turn: used, opened and closed only inside it.
    private SqliteConnection? _writer;
    private TimeSpan _writerPatience;
    private bool _writerLazy;

    /// <summary>Whether writers of other processes take turns with this one (the analyser reads it as "not macOS").</summary>
    [UnsupportedOSPlatformGuard("macos")]
    private bool TakesTurnsAcrossProcesses => _turnFile is not null;

    private BrokerWriteGate(string path)
    {
        _path = path;
        _turnFile = OperatingSystem.IsMacOS() ? null : OpenTurnFile(path + ".write-turn");
    }

    /// <summary>The gate of the broker file at <paramref name="path"/>, shared by every pool of this process that opens it; <see cref="Release"/> it with the pool.</summary>
    public static BrokerWriteGate Acquire(string path)
    {
        var fullPath = Path.GetFullPath(path);
        lock (Registry)
        {
            if (!Gates.TryGetValue(fullPath, out var gate))
            {
                Gates[fullPath] = gate = new BrokerWriteGate(fullPath);
            }

            gate._users++;
            return gate;
        }
    }

    /// <summary>The last pool of the file to release it closes the writing connection and the turn file.</summary>
    public void Release()
    {
        lock (Registry)
        {
            if (--_users == 0)
            {
                Gates.Remove(_path);
                // After a write still in flight (a pool disposed while a writer of it had the turn) has committed.
                _turn.Enter();
                try
                {
                    _writer?.Dispose();
                    _writer = null;
                    _turnFile?.Dispose();
                }
                finally
                {
                    _turn.Exit();
                }
            }
        }
    }

    /// <summary>
    /// Waits for the turn to write: this process's first, then the processes'. Throws <see cref="SqliteException"/>
    /// (database is locked, as SQLite would) when another process keeps the turn past <paramref name="patience"/>.
    /// </summary>
    public Turn Enter(TimeSpan patience)
    {
        _turn.Enter();
        try
        {
            if (TakesTurnsAcrossProcesses)
            {
                WaitForOtherProcesses(_turnFile!, patience);
            }

            return new Turn(this);
        }
        catch
        {
            _turn.Exit();
            throw;
        }
    }

    [UnsupportedOSPlatform("macos")]
    private static void WaitForOtherProcesses(FileStream turnFile, TimeSpan patience)
    {
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                turnFile.Lock(0, 1);
                return;
            }
            catch (IOException) when (Stopwatch.GetElapsedTime(started) < patience)
            {
                // The holder is mid-transaction, usually for well under a millisecond: let it run, then look again.
                if (attempt < 4)
                {
                    Thread.Yield();
                }
                else
                {
                    Thread.Sleep(1);
                }
            }
            catch (IOException)
            {
                throw new SqliteException($"Another process kept the broker file's write turn for longer than {patience.TotalSeconds:0.#} s.", 5);
            }
        }
    }

    private void Leave()
    {
        try
        {
            if (TakesTurnsAcrossProcesses)
            {
                _turnFile!.Unlock(0, 1);
            }
        }
        finally
        {
            _turn.Exit();
        }
    }

    /// <summary>
    /// The process's writing connection, opened with <paramref name="open"/> when there is none (or it was closed), set
    /// to wait <paramref name="patience"/> in SQLite's busy handler and to commit with or without waiting for the disk.
    /// </summary>
    private SqliteConnection Writer(Func<SqliteConnection> open, TimeSpan patience, bool lazily)
    {
        // Released by every pool: a writer that got past its pool's check must not open a connection nobody closes.
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _users) == 0, this);
        if (_writer is not { State: System.Data.ConnectionState.Open })
        {
            _writer?.Dispose();
            _writer = null;
            var opened = open();
            // As every pool's connection opens: FULL, with the opening pool's busy timeout.
            (_writer, _writerPatience, _writerLazy) = (opened, patience, false);
        }

        try
        {
            if (_writerPatience != patience)
            {
                _writer.Run($"PRAGMA busy_timeout = {(long)patience.TotalMilliseconds};");
                _writerPatience = patience;
            }

            if (_writerLazy != lazily)
            {
                _writer.Run(lazily ? "PRAGMA synchronous = NORMAL;" : "PRAGMA synchronous = FULL;");
                _writerLazy = lazily;
            }
        }
        catch (SqliteException)
        {
            // Never left in a state this gate does not know: a send must not commit lazily.
            _writer.Dispose();
            _writer = null;
            throw;
        }

        return _writer;
    }

    [UnsupportedOSPlatform("macos")]
    private static FileStream? OpenTurnFile(string path)
    {
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        try
        {
            // Probes that this platform locks file regions (Linux and Windows do; macOS is left out above).
            file.Lock(0, 1);
            file.Unlock(0, 1);
        }
        catch (PlatformNotSupportedException)
        {
            file.Dispose();
            return null;
        }
        catch (IOException)
        {
            // Another process holds the turn at this moment: locks work here.
        }

        return file;
    }

    /// <summary>The turn, held until disposed.</summary>
    public readonly struct Turn(BrokerWriteGate gate) : IDisposable
    {
        /// <summary>The process's writing connection of the file, for this turn only (see <see cref="BrokerWriteGate"/>).</summary>
        /// <param name="open">Opens a connection configured as the pool's own, when the gate has none.</param>
        /// <param name="lazily">Commits without waiting for the disk (synchronous=NORMAL); else with (FULL).</param>
        public SqliteConnection Writer(Func<SqliteConnection> open, TimeSpan patience, bool lazily) => gate.Writer(open, patience, lazily);

        public void Dispose() => gate.Leave();
    }
}
