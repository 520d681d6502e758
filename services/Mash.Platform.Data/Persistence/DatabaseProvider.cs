using Microsoft.Extensions.Configuration;

namespace Mash.Platform.Persistence;

/// <summary>The database engines a service can store its data in.</summary>
public enum DatabaseProvider
{
    /// <summary>A file per service in the data directory: laptops, a single node, the tests.</summary>
    Sqlite,

    /// <summary>A server shared by replicas: production.</summary>
    PostgreSql,
}

/// <summary>Reads <c>Mash:Database:*</c>: which engine, and whether a service migrates its database at start.</summary>
public static class DatabaseSettings
{
    public const string ProviderKey = "Mash:Database:Provider";
    public const string MigrateOnStartKey = "Mash:Database:MigrateOnStart";

    /// <summary>The command-line argument that applies migrations and exits (a Kubernetes Job or init container).</summary>
    public const string MigrateOnlyArgument = Hosting.MashHost.MigrateOnlyArgument;

    public static DatabaseProvider Provider(IConfiguration configuration)
    {
        var value = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        // Enum.TryParse would also take "1" or "Sqlite,PostgreSql": only the two names are accepted.
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
        {
            if (string.Equals(value.Trim(), provider.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return provider;
            }
        }

        throw new InvalidOperationException(
            $"The setting {ProviderKey} is '{value}', which is not a database this service supports: use Sqlite (the default) or PostgreSql.");
    }

    public static bool MigrateOnStart(IConfiguration configuration) =>
        configuration.GetValue(MigrateOnStartKey, defaultValue: true);
}
