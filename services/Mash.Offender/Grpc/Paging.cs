using System.Globalization;
using Mash.Contracts.Common.V1;
using Mash.Platform.Errors;
using Mash.Platform.Paging;

namespace Mash.Offender.Grpc;

/// <summary>A request's page size and position, checked.</summary>
internal static class Paging
{
    public static FieldViolations CheckPage(this FieldViolations v, PageRequest? page, PageList list, out int size, out PageToken? after)
    {
        v.CheckPageSize(page, out size);
        v.Require(PageToken.TryDecode(page?.PageToken ?? "", list, out after), "page.page_token", "Not a token this list issued; start again without one.");
        return v;
    }
}

/// <summary>A paged list: the version its tokens carry (a token of one list is refused by another) and what its key is.</summary>
internal sealed record PageList(string Version, bool KeyIsDay);

/// <summary>Keyset paging over (key, id): a day or a number (a risk), then the id.</summary>
internal sealed record PageToken(string Key, string Id)
{
    private const string DayFormat = "yyyy-MM-dd";

    public DateOnly Day => DateOnly.ParseExact(Key, DayFormat, CultureInfo.InvariantCulture);

    public int Number => int.Parse(Key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    public static string Encode(PageList list, DateOnly day, string id) =>
        KeysetToken.Encode(list.Version, day.ToString(DayFormat, CultureInfo.InvariantCulture), id);

    public static string Encode(PageList list, int number, string id) =>
        KeysetToken.Encode(list.Version, number.ToString(CultureInfo.InvariantCulture), id);

    /// <summary>True with no token for an empty one (the first page); false for one this list did not issue.</summary>
    public static bool TryDecode(string token, PageList list, out PageToken? pageToken)
    {
        pageToken = null;
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }

        if (KeysetToken.TryDecode(token, list.Version, out var key, out var id) && id.Length > 0
            && (list.KeyIsDay
                ? DateOnly.TryParseExact(key, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                : int.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
        {
            pageToken = new PageToken(key, id);
            return true;
        }

        return false;
    }
}
