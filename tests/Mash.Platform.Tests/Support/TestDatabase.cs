using Mash.Platform.Eventing;
using Mash.Platform.Audit;
using Mash.Platform.Persistence;
using Mash.Platform.Tests.Audit;
using Mash.Testing.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Mash.Platform.Tests.Support;

/// <summary>
/// A test's own database on either provider, with the platform's tables and the append-only
/// triggers exactly as the migrations add them: the same test code proves both databases.
/// </summary>
internal sealed class TestDatabase : IDisposable
{
    private readonly TempDirectory? _temp;
    private readonly PostgresDatabase? _postgres;

    private TestDatabase(DatabaseProvider provider, string connectionString, TempDirectory? temp, PostgresDatabase? postgres)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _temp = temp;
        _postgres = postgres;
        using var db = Open();
        // EnsureCreated is acceptable here only: the services themselves always migrate.
        db.Database.EnsureCreated();
        foreach (var sql in AppendOnlyTriggerSql(provider))
        {
            db.Database.ExecuteSqlRaw(sql);
        }
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static TestDatabase Create(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var temp = new TempDirectory();
            return new(provider, $"Data Source={temp.File("service.db")};Pooling=False", temp, null);
        }

        var database = PostgresServer.Require().CreateDatabaseAsync("mash_platform").GetAwaiter().GetResult();
        return new(provider, database.ConnectionString, null, database);
    }

    public AuditTestDb Open(params IInterceptor[] interceptors) => new(Options(interceptors));

    public DbContextOptions<AuditTestDb> Options(params IInterceptor[] interceptors) =>
        (DbContextOptions<AuditTestDb>)new DbContextOptionsBuilder<AuditTestDb>()
            .UseMashDatabase(Provider, ConnectionString)
            .AddInterceptors(interceptors)
            .Options;

    /// <summary>The exact SQL the platform's migration helper adds for the provider.</summary>
    public static List<string> AppendOnlyTriggerSql(DatabaseProvider provider)
    {
        var migration = new MigrationBuilder(provider == DatabaseProvider.PostgreSql ? MigrationsNamespace.NpgsqlProvider : MigrationsNamespace.SqliteProvider);
        AuditTrailMigrations.AddAppendOnlyTriggers(migration);
        return [.. migration.Operations.OfType<SqlOperation>().Select(o => o.Sql)];
    }

    /// <summary>What someone with the database's owner rights would run to get past a trigger.</summary>
    public string DropTriggerSql(string trigger) => Provider == DatabaseProvider.PostgreSql
        ? $"DROP TRIGGER \"{trigger}\" ON \"AuditEntries\""
        : $"DROP TRIGGER {trigger}";

    /// <summary>
    /// Another writer holding what an audited save must wait for: SQLite's write lock, or the
    /// audit chain's advisory lock on PostgreSQL. Saves queue up until it is disposed.
    /// </summary>
    public async Task<IAsyncDisposable> HoldWriteLockAsync()
    {
        var db = Open();
        var transaction = await db.Database.BeginTransactionAsync();
        if (Provider == DatabaseProvider.PostgreSql)
        {
            await AuditChainDatabaseLock.AcquireAsync(db, CancellationToken.None);
        }
        else
        {
            // BEGIN IMMEDIATE already took the write lock; a write makes it certain.
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE IF NOT EXISTS \"Holder\" (\"Id\" INTEGER)");
        }

        return new Held(db, transaction);
    }

    private sealed class Held(AuditTestDb db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await db.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _postgres?.Dispose();
        _temp?.Dispose();
    }
}
