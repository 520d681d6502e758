using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Mash.Platform.Persistence;

/// <summary>
/// A context's compiled EF Core model for a provider: the class <c>{Context}Model</c> that
/// <c>tools/scripts/compile-models.sh</c> writes into the namespace <c>{context's namespace}.CompiledModels.{provider}</c>.
/// Building a model from <c>OnModelCreating</c> costs each service a few hundred milliseconds of CPU at every
/// start (a node starts twelve); a compiled one is only constructed. The migration tests fail while a
/// compiled model differs from the model its context builds (<c>MigrationAssertions.MatchModel</c>).
/// </summary>
public static class CompiledModels
{
    private static readonly ConcurrentDictionary<(Type Context, DatabaseProvider Provider), IModel?> Models = new();

    /// <summary>The compiled model, or null when the context has none for the provider (it then builds its model).</summary>
    public static IModel? Find(Type contextType, DatabaseProvider provider) =>
        Models.GetOrAdd((contextType, provider), static key => Load(key.Context, key.Provider));

    private static IModel? Load(Type contextType, DatabaseProvider provider)
    {
        var modelType = contextType.Assembly.GetType($"{contextType.Namespace}.CompiledModels.{provider}.{contextType.Name}Model");
        return modelType?.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IModel;
    }
}
