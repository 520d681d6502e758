using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Mash.Platform.Eventing.Local;

/// <summary>
/// Tells receive loops that there may be work on their topic. In this process: a direct signal.
/// Across processes: a write to a small file named for the topic, in a folder of its own next to
/// the database (so the database's own WAL writes do not wake the watcher), seen by each process's
/// FileSystemWatcher. Only the loops of that topic wake: a node runs a processor per subscription,
/// and waking them all for every send made each send cost every idle processor a read.
/// Polling remains the fallback when a watcher misses or cannot start.
/// </summary>
internal sealed class Doorbell : IDisposable
{
    private static readonly byte[] Chime = [1];

    private readonly string _folder;
    private readonly FileSystemWatcher? _watcher;
    private readonly ConcurrentDictionary<WakeSignal, string> _listeners = new();
    private readonly ILogger _logger;

    public Doorbell(string databasePath, ILogger logger)
    {
        _logger = logger;
        _folder = databasePath + ".doorbell";
        Directory.CreateDirectory(_folder);
        try
        {
            _watcher = new FileSystemWatcher(_folder)
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName,
                IncludeSubdirectories = false,
            };
            _watcher.Changed += (_, e) => RingHere(e.Name);
            _watcher.Created += (_, e) => RingHere(e.Name);
            _watcher.Error += (_, e) =>
            {
                // Lost events (e.g. queue overflow): wake everyone rather than wait for a poll.
                _logger.DoorbellWatcherError(e.GetException().GetType().Name);
                RingHere(topic: null);
            };
            _watcher.EnableRaisingEvents = true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            // E.g. the inotify instance limit: other processes' sends are then seen by polling only.
            _logger.DoorbellUnavailable(exception.GetType().Name, exception.Message);
            _watcher?.Dispose();
            _watcher = null;
        }
    }

    /// <summary>Wakes <paramref name="signal"/> when there may be work on <paramref name="topic"/>.</summary>
    public IDisposable Listen(WakeSignal signal, string topic)
    {
        _listeners[signal] = topic;
        return new Listening(this, signal);
    }

    /// <summary>After a send to <paramref name="topic"/>: wake this process's loops of that topic and the other processes'.</summary>
    public void Ring(string topic)
    {
        RingHere(topic);
        try
        {
            // Topic names are file-name safe (lower case and hyphens, as Topics declares them).
            using var handle = File.OpenHandle(Path.Combine(_folder, topic), FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            RandomAccess.Write(handle, Chime, 0);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Best effort: the message is already durable and other processes will poll for it.
        }
    }

    /// <summary>Wakes this process's loops of <paramref name="topic"/> (all of them for null), e.g. a settled message may free a session.</summary>
    public void RingHere(string? topic)
    {
        foreach (var (listener, listensTo) in _listeners)
        {
            if (topic is null || listensTo == topic)
            {
                listener.Signal();
            }
        }
    }

    public void Dispose() => _watcher?.Dispose();

    private sealed class Listening(Doorbell doorbell, WakeSignal signal) : IDisposable
    {
        public void Dispose() => doorbell._listeners.TryRemove(signal, out _);
    }
}
