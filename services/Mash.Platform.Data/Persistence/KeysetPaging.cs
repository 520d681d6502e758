using System.Linq.Expressions;
using Mash.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace Mash.Platform.Persistence;

/// <summary>Keyset paging over EF Core queries (<see cref="Page{T}"/>).</summary>
public static class KeysetPaging
{
    private static readonly System.Reflection.MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    /// <summary>Reads one page of an ordered query (one row beyond the page, to know whether another follows).</summary>
    public static async Task<Page<T>> ReadPageAsync<T>(this IQueryable<T> ordered, int size, CancellationToken cancellationToken) =>
        Page.Cut(await ordered.Take(size + 1).ToListAsync(cancellationToken), size);

    /// <summary>
    /// Rows by a time and then their id, oldest first or newest first, starting after the page token's
    /// position: the one shape of every list paged by when something happened.
    /// </summary>
    public static IOrderedQueryable<T> ByTimeAfter<T>(
        this IQueryable<T> query, Expression<Func<T, DateTime>> time, Expression<Func<T, string>> id, PageToken<DateTime>? after, bool newestFirst)
    {
        if (after is not null)
        {
            // time > t || (time == t && string.Compare(id, i) > 0), or the same with < for newest first.
            var row = time.Parameters[0];
            var idOfRow = new ParameterReplacer(id.Parameters[0], row).Visit(id.Body);
            var at = Expression.Constant(after.Key);
            var compared = Expression.Call(StringCompare, idOfRow, Expression.Constant(after.Id));
            var zero = Expression.Constant(0);
            var beyond = newestFirst
                ? Expression.OrElse(Expression.LessThan(time.Body, at), Expression.AndAlso(Expression.Equal(time.Body, at), Expression.LessThan(compared, zero)))
                : Expression.OrElse(Expression.GreaterThan(time.Body, at), Expression.AndAlso(Expression.Equal(time.Body, at), Expression.GreaterThan(compared, zero)));
            query = query.Where(Expression.Lambda<Func<T, bool>>(beyond, row));
        }

        return newestFirst ? query.OrderByDescending(time).ThenByDescending(id) : query.OrderBy(time).ThenBy(id);
    }

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
