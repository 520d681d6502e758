using Mash.Platform.Persistence;
using Mash.Testing.Postgres;

namespace Mash.Platform.Tests.Support;

/// <summary>
/// An empty database of a test's own on either provider, for a test context that creates its own tables
/// (<see cref="TestDatabase"/> has the platform's tables already). Without PostgreSQL, its tests are skipped.
/// </summary>
internal sealed class EmptyDatabase : IDisposable
{
    private readonly TempDirectory? _temp;
    private readonly PostgresDatabase? _postgres;

    public EmptyDatabase(DatabaseProvider provider, string name)
    {
        Provider = provider;
        if (provider == DatabaseProvider.Sqlite)
        {
            _temp = new TempDirectory();
            ConnectionString = $"Data Source={_temp.File("service.db")};Pooling=False";
        }
        else
        {
            _postgres = PostgresServer.Require().CreateDatabaseAsync(name).GetAwaiter().GetResult();
            ConnectionString = _postgres.ConnectionString;
        }
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public void Dispose()
    {
        _postgres?.Dispose();
        _temp?.Dispose();
    }
}
