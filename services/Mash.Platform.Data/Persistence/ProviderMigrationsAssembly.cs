using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mash.Platform.Persistence;

/// <summary>
/// One set of migrations per database provider in the service's own assembly, told apart by
/// namespace: <c>*.Migrations.Sqlite</c> and <c>*.Migrations.PostgreSql</c>. EF Core's own
/// lookup would mix both sets (and pick either snapshot), so this one sees only the sets of
/// the provider the context runs on, at run time and for <c>dotnet ef migrations add</c>.
/// </summary>
internal sealed class ProviderMigrationsAssembly : IMigrationsAssembly
{
    private readonly Type _contextType;
    private readonly string _namespaceSuffix;
    private readonly IMigrationsIdGenerator _ids;
    private readonly Lazy<IReadOnlyDictionary<string, TypeInfo>> _migrations;
    private readonly Lazy<ModelSnapshot?> _snapshot;

    public ProviderMigrationsAssembly(ICurrentDbContext currentContext, IDatabaseProvider provider, IMigrationsIdGenerator ids)
    {
        _contextType = currentContext.Context.GetType();
        _namespaceSuffix = ".Migrations." + MigrationsNamespace.For(provider.Name);
        _ids = ids;
        Assembly = _contextType.Assembly;
        _migrations = new(() => FindMigrations());
        _snapshot = new(FindSnapshot);
    }

    public Assembly Assembly { get; }

    public IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations.Value;

    public ModelSnapshot? ModelSnapshot => _snapshot.Value;

    public string? FindMigrationId(string nameOrId) => Migrations.Keys
        .Where(_ids.IsValidId(nameOrId)
            ? id => string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
            : id => string.Equals(_ids.GetName(id), nameOrId, StringComparison.OrdinalIgnoreCase))
        .FirstOrDefault();

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }

    private IEnumerable<TypeInfo> OwnTypes<TBase>() => Assembly.DefinedTypes.Where(t =>
        t.IsSubclassOf(typeof(TBase))
        && !t.IsAbstract
        && t.Namespace?.EndsWith(_namespaceSuffix, StringComparison.Ordinal) == true
        && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == _contextType);

    private SortedList<string, TypeInfo> FindMigrations()
    {
        var migrations = new SortedList<string, TypeInfo>(StringComparer.Ordinal);
        foreach (var type in OwnTypes<Migration>())
        {
            if (type.GetCustomAttribute<MigrationAttribute>() is { } attribute)
            {
                migrations.Add(attribute.Id, type);
            }
        }

        return migrations;
    }

    private ModelSnapshot? FindSnapshot() => OwnTypes<ModelSnapshot>()
        .Select(type => (ModelSnapshot)Activator.CreateInstance(type.AsType())!)
        .SingleOrDefault();
}

/// <summary>The namespace segment holding a provider's migrations.</summary>
public static class MigrationsNamespace
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";

    public const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";
    public const string NpgsqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    public static string For(string efProviderName) => efProviderName switch
    {
        SqliteProvider => Sqlite,
        NpgsqlProvider => PostgreSql,
        _ => throw new NotSupportedException($"No migrations are kept for the database provider {efProviderName}."),
    };
}
