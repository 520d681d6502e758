using System.CommandLine;
using Mash.Contracts.Common.V1;

namespace Mash.Cli;

/// <summary><c>--page-size</c>, <c>--page-token</c> and <c>--all</c> for the paged list commands.</summary>
internal sealed class PagingOptions
{
    private readonly Option<int?> _size = CliOptions.WholeNumber("--page-size", 1, 200, "1-200", "How many to a page.");
    private readonly Option<string> _token = CliOptions.Text("--page-token", "T", "The page to show: the token the previous page printed.");
    private readonly Option<bool> _all = CliOptions.Flag("--all", "Every page from there on, as one list.");

    public IEnumerable<Option> All => [_size, _token, _all];

    public PageRequest Request(CommandContext context) => new()
    {
        PageSize = context.Value(_size) ?? 0,
        PageToken = context.Value(_token) ?? "",
    };

    public bool AllPages(CommandContext context) => context.Value(_all);
}
