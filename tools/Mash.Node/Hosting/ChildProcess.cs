using System.Collections.Concurrent;
using System.Diagnostics;

namespace Mash.Node.Hosting;

/// <summary>
/// One deployable running as its own process (`dotnet app.dll`), with its output kept (and
/// echoed when asked), so tests can kill it for real and read what it logged. It ends with this
/// process, however this one ends (<see cref="OrphanWatchdog"/>).
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly long _startedAt = Stopwatch.GetTimestamp();

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }
    public bool HasExited => _process.HasExited;
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;
    public int Id => _process.Id;
    public IReadOnlyCollection<string> Output => _output;
    /// <summary>From starting the process to its first healthy answer (for the benchmarks); null until then.</summary>
    public TimeSpan? StartToReady { get; private set; }

    /// <summary>Called by <see cref="Readiness"/> when the process first answers as healthy.</summary>
    public void MarkReady() => StartToReady ??= Stopwatch.GetElapsedTime(_startedAt);

    public static ChildProcess Start(
        string name, string assemblyPath, IReadOnlyDictionary<string, string> environment, TextWriter? echo = null, IReadOnlyList<string>? arguments = null)
    {
        var info = new ProcessStartInfo("dotnet") { ArgumentList = { assemblyPath } };
        foreach (var argument in arguments ?? [])
        {
            info.ArgumentList.Add(argument);
        }

        return Start(name, info, Path.GetDirectoryName(assemblyPath)!, environment, echo);
    }

    /// <summary>A program that is not a .NET assembly of this repository (e.g. the dashboard).</summary>
    public static ChildProcess StartExecutable(string name, string executablePath, IReadOnlyDictionary<string, string> environment, TextWriter? echo = null) =>
        Start(name, new ProcessStartInfo(executablePath), Path.GetDirectoryName(executablePath)!, environment, echo);

    private static ChildProcess Start(string name, ProcessStartInfo info, string workingDirectory, IReadOnlyDictionary<string, string> environment, TextWriter? echo)
    {
        info.WorkingDirectory = workingDirectory;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        OrphanWatchdog.OfThisProcess.Mark(info);

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(name, process);
        process.OutputDataReceived += (_, e) => child.Capture(e.Data, echo);
        process.ErrorDataReceived += (_, e) => child.Capture(e.Data, echo);
        process.Start();
        OrphanWatchdog.OfThisProcess.Watch(process.Id);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Ends the process at once, as a crash or `kill -9` would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Capture(string? line, TextWriter? echo)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        echo?.WriteLine($"[{Name}] {line}");
    }
}
