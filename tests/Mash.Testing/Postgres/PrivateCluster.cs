using System.Diagnostics;

namespace Mash.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster: <c>initdb</c> in a temporary directory and <c>pg_ctl start</c>
/// on a free port of 127.0.0.1, with its socket inside that directory. PostgreSQL refuses to run
/// as root, so as root the directory is given to the <c>postgres</c> user and the programs run
/// through <c>runuser</c>. For tests durability is switched off (the data is thrown away anyway);
/// a benchmark asks for a server that flushes every commit as a production server does.
/// </summary>
internal sealed class PrivateCluster
{
    private readonly string _binaries;
    private readonly bool _asPostgresUser;

    private PrivateCluster(string binaries, string directory, bool asPostgresUser, int port)
    {
        _binaries = binaries;
        Directory = directory;
        _asPostgresUser = asPostgresUser;
        Port = port;
    }

    public string Directory { get; }
    public int Port { get; }
    private string DataDirectory => Path.Combine(Directory, "data");
    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=15";

    public static string? FindBinaries()
    {
        var candidates = new List<string>();
        try
        {
            candidates.Add(Run("pg_config", ["--bindir"], asPostgresUser: false).Trim());
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // No pg_config on the PATH: look where Debian and Ubuntu install the server.
        }

        if (System.IO.Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(System.IO.Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(v => int.TryParse(Path.GetFileName(v), out var major) ? major : 0)
                .Select(v => Path.Combine(v, "bin")));
        }

        return candidates.FirstOrDefault(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")));
    }

    /// <summary>Starts a cluster; <paramref name="durable"/>: fsync, synchronous commit and full page writes on, PostgreSQL's defaults.</summary>
    public static PrivateCluster Start(string binaries, bool durable = false)
    {
        var durability = durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        var asPostgresUser = Environment.UserName == "root";
        var directory = System.IO.Directory.CreateTempSubdirectory("mash-pg-").FullName;
        if (asPostgresUser)
        {
            Run("chown", ["postgres", directory], asPostgresUser: false);
        }

        var cluster = new PrivateCluster(binaries, directory, asPostgresUser, 0);
        cluster.Exec("initdb", ["-D", cluster.DataDirectory, "--auth=trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);

        // A free port can be taken between choosing and binding it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var started = new PrivateCluster(binaries, directory, asPostgresUser, LoopbackPorts.Free());
            try
            {
                started.Exec("pg_ctl", ["-D", started.DataDirectory, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "30", "start", "-o",
                    $"-p {started.Port} -c listen_addresses=127.0.0.1 -k {directory} -c max_connections=300{durability}"]);
                return started;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>
    /// Stops the server and deletes its directory once this test process has exited, however it
    /// ends: the test host is killed moments after its last test, too soon for exit handlers.
    /// A detached shell outlives it and does the work; it checks twice a second.
    /// </summary>
    public void StopWhenProcessExits()
    {
        var pgCtl = Path.Combine(_binaries, "pg_ctl");
        var stop = _asPostgresUser ? $"runuser -u postgres -- '{pgCtl}'" : $"'{pgCtl}'";
        var script = "exec </dev/null >/dev/null 2>&1; " + $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 0.5; done; " +
            $"{stop} -D '{DataDirectory}' -m immediate -w stop >/dev/null 2>&1; rm -rf '{Directory}'";
        Run("setsid", ["-f", "sh", "-c", script], asPostgresUser: false);
    }

    private void Exec(string program, string[] arguments) =>
        Run(Path.Combine(_binaries, program), arguments, _asPostgresUser);

    private static string Run(string program, string[] arguments, bool asPostgresUser)
    {
        var start = new ProcessStartInfo(asPostgresUser ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgresUser)
        {
            foreach (var part in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(part);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} did not finish within a minute");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {error.Result.Trim()}");
        }

        return output.Result;
    }
}
