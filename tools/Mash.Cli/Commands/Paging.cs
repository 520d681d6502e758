using Mash.Contracts.Common.V1;

namespace Mash.Cli;

/// <summary><c>--page-size</c>, <c>--page-token</c> and <c>--all</c> for the paged list commands.</summary>
internal static class Paging
{
    public static readonly IReadOnlyList<string> Names = ["page-size", "page-token", "all"];

    public static PageRequest From(Arguments args) => new()
    {
        PageSize = args.IntValue("page-size", 1, 200) ?? 0,
        PageToken = args.Value("page-token") ?? "",
    };

    public static bool All(Arguments args) => args.Has("all");
}
