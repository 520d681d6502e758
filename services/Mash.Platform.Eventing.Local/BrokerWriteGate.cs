using System.Collections.Concurrent;

namespace Mash.Platform.Eventing.Local;

/// <summary>
/// One write transaction at a time per broker file in this process. SQLite lets one connection of a file write at
/// a time; the others wait in its busy handler, which sleeps 1, 2, 5, 10, 15 ... 100 ms between tries however soon
/// the writer before them commits, on a thread-pool thread it holds all the while. A node in one process (the
/// embedded default) has seven applications sending, claiming and completing on one file: at a steady 200 submits/s
/// a profile counted about 180 such sleeps a second, most of them on this file. Queued here, a writer starts as soon
/// as the one before it commits. Writers in other processes sharing the file still meet in SQLite's busy handler.
/// </summary>
internal sealed class BrokerWriteGate
{
    private static readonly ConcurrentDictionary<string, BrokerWriteGate> Gates = new(StringComparer.Ordinal);

    private readonly Lock _turn = new();

    private BrokerWriteGate()
    {
    }

    /// <summary>The gate of the broker file at <paramref name="path"/>, shared by every pool of this process that opens it.</summary>
    public static BrokerWriteGate For(string path) => Gates.GetOrAdd(Path.GetFullPath(path), _ => new BrokerWriteGate());

    /// <summary>
    /// Waits for this process's turn to write, without a bound of its own: the writer ahead holds it only while it
    /// writes, and its own wait for other processes' writers is bounded by the busy timeout.
    /// </summary>
    public Lock.Scope Enter() => _turn.EnterScope();
}
