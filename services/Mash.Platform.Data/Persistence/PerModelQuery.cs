using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

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
    private readonly ConditionalWeakTable<IModel, TQuery> _compiled = [];

    // Made once: a lambda passed at each call would capture this instance and be allocated on every query.
    private readonly ConditionalWeakTable<IModel, TQuery>.CreateValueCallback _compile = _ => compile();

    public TQuery For(DbContext db) => _compiled.GetValue(db.Model, _compile);
}
