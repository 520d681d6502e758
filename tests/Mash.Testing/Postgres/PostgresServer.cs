using Npgsql;

namespace Mash.Testing.Postgres;

/// <summary>
/// The PostgreSQL server of a test assembly: the one named by <c>MASH_TEST_POSTGRES</c> (a
/// connection string to a server where tests may create databases), or else a private server
/// this helper initialises in a temporary directory and starts on a free port of 127.0.0.1,
/// stopped and deleted once the test process has exited. Each test gets a database of its own
/// (<see cref="CreateDatabaseAsync"/>). Without PostgreSQL the tests that need it are skipped,
/// saying why, unless <c>MASH_REQUIRE_POSTGRES=1</c> (CI): then they fail.
/// </summary>
public sealed class PostgresServer
{
    public const string ServerVariable = "MASH_TEST_POSTGRES";
    public const string RequireVariable = "MASH_REQUIRE_POSTGRES";

    private static readonly Lazy<PostgresServer> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string? _adminConnectionString;
    private readonly PrivateCluster? _cluster;

    private PostgresServer(string? adminConnectionString, PrivateCluster? cluster, string unavailableReason)
    {
        _adminConnectionString = adminConnectionString;
        _cluster = cluster;
        UnavailableReason = unavailableReason;
    }

    /// <summary>This test assembly's server, started on first use.</summary>
    public static PostgresServer Shared => Instance.Value;

    public bool Available => _adminConnectionString is not null;

    /// <summary>Why there is no server, when there is none.</summary>
    public string UnavailableReason { get; }

    /// <summary>Skips the calling test when no server is available, or fails it when CI requires one.</summary>
    public static PostgresServer Require()
    {
        var server = Shared;
        if (!server.Available)
        {
            var reason = "PostgreSQL is not available: " + server.UnavailableReason;
            if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
            {
                Xunit.Assert.Fail(reason + $" ({RequireVariable}=1 requires it).");
            }

            Xunit.Skip.If(true, reason);
        }

        return server;
    }

    /// <summary>A new, empty database; dropped when the returned handle is disposed.</summary>
    public async Task<PostgresDatabase> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)].ToLowerInvariant();
        await using (var admin = new NpgsqlConnection(_adminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString)
        {
            Database = name,
            // Many small databases: keep each one's pool small so the server's connections last.
            MaxPoolSize = 20,
        }.ConnectionString;
        return new PostgresDatabase(connectionString, _adminConnectionString!, name);
    }

    /// <summary>
    /// A server that flushes every commit to disk as a production server does (fsync, synchronous
    /// commit and full page writes on), for measurements; not the tests' shared one. The server
    /// <c>MASH_TEST_POSTGRES</c> names, when set, is used as it is configured (see <see cref="DurabilityAsync"/>).
    /// </summary>
    public static PostgresServer StartDurable() => Start(durable: true);

    /// <summary>The server's durability settings as it reports them: "fsync=on, synchronous_commit=on, full_page_writes=on".</summary>
    public async Task<string> DurabilityAsync()
    {
        await using var admin = new NpgsqlConnection(_adminConnectionString);
        await admin.OpenAsync();
        var settings = new List<string>();
        foreach (var name in (string[])["fsync", "synchronous_commit", "full_page_writes"])
        {
            await using var show = new NpgsqlCommand($"SHOW {name}", admin);
            settings.Add($"{name}={await show.ExecuteScalarAsync()}");
        }

        return string.Join(", ", settings);
    }

    private static PostgresServer Start() => Start(durable: false);

    private static PostgresServer Start(bool durable)
    {
        var given = Environment.GetEnvironmentVariable(ServerVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            return new PostgresServer(given, null, "");
        }

        try
        {
            var binaries = PrivateCluster.FindBinaries();
            if (binaries is null)
            {
                return new PostgresServer(null, null,
                    $"no initdb found (pg_config --bindir, /usr/lib/postgresql/*/bin); install PostgreSQL or set {ServerVariable}.");
            }

            var cluster = PrivateCluster.Start(binaries, durable);
            cluster.StopWhenProcessExits();
            return new PostgresServer(cluster.AdminConnectionString, cluster, "");
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            return new PostgresServer(null, null, "starting a private server failed: " + e.Message);
        }
    }

    /// <summary>For a test's report: where the server runs.</summary>
    public override string ToString() => _cluster is null ? "PostgreSQL given by " + ServerVariable : "private PostgreSQL in " + _cluster.Directory;
}

/// <summary>A test's own database on <see cref="PostgresServer"/>.</summary>
public sealed class PostgresDatabase(string connectionString, string adminConnectionString, string name) : IAsyncDisposable, IDisposable
{
    public string ConnectionString { get; } = connectionString;
    public string Name { get; } = name;

    public async ValueTask DisposeAsync()
    {
        // Connections of this database's pool would keep it from being dropped.
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}

/// <summary>For test classes whose fixture runs a service on PostgreSQL.</summary>
public static class PostgreSqlFixture
{
    /// <summary>Skips the test (or fails it in CI) when there is no server; else hands on the fixture.</summary>
    public static T Require<T>(T fixture)
    {
        PostgresServer.Require();
        return fixture;
    }
}
