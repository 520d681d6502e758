using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Mash.Platform.Eventing.Local;

/// <summary>
/// Tells receive loops that there may be work. In this process: a direct signal. Across
/// processes: a write to a small file in a folder of its own next to the database (so the
/// database's own WAL writes do not wake the watcher), seen by each process's
/// FileSystemWatcher. Polling remains the fallback when a watcher misses or cannot start.
/// </summary>
internal sealed class Doorbell : IDisposable
{
    private static readonly byte[] Chime = [1];

    private readonly string _ringFile;
    private readonly FileSystemWatcher? _watcher;
    private readonly ConcurrentDictionary<WakeSignal, byte> _listeners = new();
    private readonly ILogger _logger;

    public Doorbell(string databasePath, ILogger logger)
    {
        _logger = logger;
        var folder = databasePath + ".doorbell";
        Directory.CreateDirectory(folder);
        _ringFile = Path.Combine(folder, "ring");
        try
        {
            _watcher = new FileSystemWatcher(folder)
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName,
                IncludeSubdirectories = false,
            };
            _watcher.Changed += (_, _) => RingHere();
            _watcher.Created += (_, _) => RingHere();
            _watcher.Error += (_, e) =>
            {
                // Lost events (e.g. queue overflow): wake everyone rather than wait for a poll.
                _logger.DoorbellWatcherError(e.GetException().GetType().Name);
                RingHere();
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

    public IDisposable Listen(WakeSignal signal)
    {
        _listeners[signal] = 0;
        return new Listening(this, signal);
    }

    /// <summary>After a send: wake this process's loops and the other processes'.</summary>
    public void Ring()
    {
        RingHere();
        try
        {
            using var handle = File.OpenHandle(_ringFile, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            RandomAccess.Write(handle, Chime, 0);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Best effort: the message is already durable and other processes will poll for it.
        }
    }

    /// <summary>Wakes this process's loops only (e.g. a settled message may free a session for them).</summary>
    public void RingHere()
    {
        foreach (var listener in _listeners.Keys)
        {
            listener.Signal();
        }
    }

    public void Dispose() => _watcher?.Dispose();

    private sealed class Listening(Doorbell doorbell, WakeSignal signal) : IDisposable
    {
        public void Dispose() => doorbell._listeners.TryRemove(signal, out _);
    }
}
