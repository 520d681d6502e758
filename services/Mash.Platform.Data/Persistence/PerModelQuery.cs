using Microsoft.EntityFrameworkCore;

namespace Mash.Platform.Persistence;

/// <summary>
/// An EF Core compiled query for a hot path, compiled once for each model it meets. A compiled query
/// skips what EF Core does for every LINQ query (reducing the expression to its parameters, hashing it
/// to find the cached plan), but binds to the model of the first context it runs with; one process can
/// hold contexts of several models (each service's, on each provider, in the tests).
/// </summary>
/// <typeparam name="TQuery">The delegate <see cref="EF.CompileAsyncQuery{TContext, TParam1, TResult}(System.Linq.Expressions.Expression{Func{TContext, TParam1, TResult}})"/> returns.</typeparam>
public sealed class PerModelQuery<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly PerModel<TQuery> _compiled = new(_ => compile());

    public TQuery For(DbContext db) => _compiled.For(db);
}
