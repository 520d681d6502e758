using Mash.Contracts.Common.V1;
using Mash.Platform.Errors;

namespace Mash.StrategyDiscussion.Grpc;

/// <summary>A request's page size and position, checked.</summary>
internal static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public delegate bool TokenReader<T>(string token, out T? after);

    public static FieldViolations CheckPage<T>(this FieldViolations v, PageRequest? page, TokenReader<T> read, out int size, out T? after)
    {
        var requested = page?.PageSize ?? 0;
        v.Require(requested is >= 0 and <= MaxPageSize, "page.page_size", $"Between 1 and {MaxPageSize} (0 means {DefaultPageSize}).");
        v.Require(read(page?.PageToken ?? "", out after), "page.page_token", "Not a token this service issued; start again without one.");
        size = requested is > 0 and <= MaxPageSize ? requested : DefaultPageSize;
        return v;
    }
}
