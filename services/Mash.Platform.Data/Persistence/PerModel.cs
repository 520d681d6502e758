using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Mash.Platform.Persistence;

/// <summary>
/// What a hot path builds once for each model it meets (a compiled query, a statement and its columns): each service
/// has one model per provider, and one process can hold several (the tests run SQLite and PostgreSQL contexts side by
/// side). Weak, so a model no longer used is forgotten with it.
/// </summary>
internal sealed class PerModel<T>
    where T : class
{
    private readonly ConditionalWeakTable<IModel, T> _built = [];

    // Made once: a lambda passed at each call would capture this instance and be allocated on every query.
    private readonly ConditionalWeakTable<IModel, T>.CreateValueCallback _build;

    public PerModel(Func<IModel, T> build) => _build = new(build);

    public T For(DbContext db) => _built.GetValue(db.Model, _build);
}
