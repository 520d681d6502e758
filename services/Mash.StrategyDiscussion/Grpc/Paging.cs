using Mash.Platform.Paging;
using Mash.Contracts.Common.V1;
using Mash.Platform.Errors;

namespace Mash.StrategyDiscussion.Grpc;

/// <summary>A request's page size and position, checked.</summary>
internal static class Paging
{
    public delegate bool TokenReader<T>(string token, out T? after);

    public static FieldViolations CheckPage<T>(this FieldViolations v, PageRequest? page, TokenReader<T> read, out int size, out T? after)
    {
        v.CheckPageSize(page, out size);
        v.Require(read(page?.PageToken ?? "", out after), "page.page_token", "Not a token this service issued; start again without one.");
        return v;
    }
}
