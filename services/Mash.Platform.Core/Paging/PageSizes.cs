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
}
