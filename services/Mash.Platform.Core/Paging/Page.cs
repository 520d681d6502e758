namespace Mash.Platform.Paging;

/// <summary>
/// One page of a keyset-paged list: the rows to show, and the last of them when more follow (where
/// the next page starts). Rows are read one beyond the page size; that extra row only says that
/// another page exists and is never shown.
/// </summary>
public sealed class Page<T>
{
    internal Page(IReadOnlyList<T> items, bool hasMore)
    {
        Items = items;
        HasMore = hasMore;
    }

    public IReadOnlyList<T> Items { get; }

    public bool HasMore { get; }

    /// <summary>The last row shown, from which the next page's token is made.</summary>
    public T Last => Items[^1];
}

public static class Page
{
    /// <summary>A page of <paramref name="size"/> from rows read (or merged) with one more than that.</summary>
    public static Page<T> Cut<T>(IReadOnlyList<T> rows, int size) =>
        rows.Count > size ? new Page<T>([.. rows.Take(size)], hasMore: true) : new Page<T>(rows, hasMore: false);

    /// <summary>
    /// A page of rows worked out in memory (breaches of a clock, stalled cases), ordered by a time and then a
    /// position that names each row once, starting after the page token's position.
    /// </summary>
    public static Page<T> OfComputed<T>(IEnumerable<T> rows, Func<T, DateTime> time, Func<T, string> position, PageToken<DateTime>? after, int size) =>
        Cut(rows.OrderBy(time).ThenBy(position, StringComparer.Ordinal)
            .Where(x => after is null || time(x) > after.Key || (time(x) == after.Key && string.CompareOrdinal(position(x), after.Id) > 0))
            .Take(size + 1).ToList(), size);
}
