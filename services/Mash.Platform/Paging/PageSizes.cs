using Mash.Contracts.Common.V1;
using Mash.Platform.Errors;

namespace Mash.Platform.Paging;

/// <summary>The page size rule of mash.common.v1.PageRequest, the same on every list.</summary>
public static class PageSizes
{
    public const int Default = 50;
    public const int Max = 200;

    /// <summary>Checks page.page_size (1 to 200, 0 for the default) and gives the size to use.</summary>
    public static FieldViolations CheckPageSize(this FieldViolations v, PageRequest? page, out int size)
    {
        var requested = page?.PageSize ?? 0;
        v.Require(requested is >= 0 and <= Max, "page.page_size", $"Between 1 and {Max} (0 means {Default}).");
        size = requested is > 0 and <= Max ? requested : Default;
        return v;
    }

    public delegate bool TokenReader<T>(string token, out T? after);

    /// <summary>A request's page size and position, checked: the token must be one this list issued.</summary>
    public static FieldViolations CheckPage<T>(this FieldViolations v, PageRequest? page, TokenReader<T> read, out int size, out T? after)
    {
        v.CheckPageSize(page, out size);
        v.Require(read(page?.PageToken ?? "", out after), "page.page_token", "Not a token this service issued; start again without one.");
        return v;
    }
}
