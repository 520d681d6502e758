using System.Globalization;
using Mash.Contracts.Common.V1;
using Mash.Platform.Errors;

namespace Mash.Platform.Paging;

/// <summary>Where a keyset-paged list goes on: the sort key of the last row shown, and its id.</summary>
public sealed record PageToken<TKey>(TKey Key, string Id);

/// <summary>
/// The page tokens of one list ordered by (key, id): opaque to callers (<see cref="KeysetToken"/>),
/// versioned so that a token of one list is refused by another, with the key written one way.
/// A list keeps its version and key form for good: a caller may hold a token across an upgrade.
/// </summary>
public sealed class PageTokenFormat<TKey>
{
    public delegate bool KeyReader(string text, out TKey key);

    private readonly string _version;
    private readonly Func<TKey, string> _write;
    private readonly KeyReader _read;

    internal PageTokenFormat(string version, Func<TKey, string> write, KeyReader read) => (_version, _write, _read) = (version, write, read);

    public string Encode(TKey key, string id) => KeysetToken.Encode(_version, _write(key), id);

    /// <summary>True with no token for an empty one (the first page); false for one this list did not issue.</summary>
    public bool TryDecode(string token, out PageToken<TKey>? after)
    {
        after = null;
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }

        if (KeysetToken.TryDecode(token, _version, out var text, out var id) && id.Length > 0 && _read(text, out var key))
        {
            after = new PageToken<TKey>(key, id);
            return true;
        }

        return false;
    }

    /// <summary>A request's page size and position, checked: the token must be one this list issued.</summary>
    public FieldViolations CheckPage(FieldViolations v, PageRequest? page, out int size, out PageToken<TKey>? after)
    {
        v.CheckPageSize(page, out size);
        v.Require(TryDecode(page?.PageToken ?? "", out after), "page.page_token", "Not a token this list issued; start again without one.");
        return v;
    }

    /// <summary>The token of the page after <paramref name="page"/>; empty on the last page.</summary>
    public string NextToken<T>(Page<T> page, Func<T, (TKey Key, string Id)> position)
    {
        if (!page.HasMore)
        {
            return "";
        }

        var (key, id) = position(page.Last);
        return Encode(key, id);
    }
}

/// <summary>The key forms lists are paged by.</summary>
public static class PageTokenFormats
{
    private const string DayFormat = "yyyy-MM-dd";

    /// <summary>Lists in due order (referrals, assessments, discussions, receipts): version <c>v1</c>, by UTC time.</summary>
    public static readonly PageTokenFormat<DateTime> Due = ByTime("v1");

    /// <summary>
    /// Governance lists, newest first (accesses, disclosures): version <c>g1</c>, by UTC time and
    /// the entry's number in its service. The gateway merges the services' pages with the same tokens.
    /// </summary>
    public static readonly PageTokenFormat<DateTime> Newest = ByTime("g1");

    /// <summary>By a UTC time, written as ticks.</summary>
    public static PageTokenFormat<DateTime> ByTime(string version) => new(version,
        time => time.Ticks.ToString(CultureInfo.InvariantCulture),
        (string text, out DateTime time) =>
        {
            var ok = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks;
            time = ok ? new DateTime(ticks, DateTimeKind.Utc) : default;
            return ok;
        });

    /// <summary>By a calendar day.</summary>
    public static PageTokenFormat<DateOnly> ByDay(string version) => new(version,
        day => day.ToString(DayFormat, CultureInfo.InvariantCulture),
        (string text, out DateOnly day) => DateOnly.TryParseExact(text, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out day));

    /// <summary>By a whole number (a risk level, a severity).</summary>
    public static PageTokenFormat<int> ByNumber(string version) => new(version,
        number => number.ToString(CultureInfo.InvariantCulture),
        (string text, out int number) => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number));
}
