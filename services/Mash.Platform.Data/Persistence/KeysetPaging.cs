using Mash.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace Mash.Platform.Persistence;

/// <summary>Keyset paging over EF Core queries (<see cref="Page{T}"/>).</summary>
public static class KeysetPaging
{
    /// <summary>Reads one page of an ordered query (one row beyond the page, to know whether another follows).</summary>
    public static async Task<Page<T>> ReadPageAsync<T>(this IQueryable<T> ordered, int size, CancellationToken cancellationToken) =>
        Page.Cut(await ordered.Take(size + 1).ToListAsync(cancellationToken), size);
}
