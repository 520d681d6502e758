using Mash.Contracts.Strategy.V1;

namespace Mash.Cli;

/// <summary><c>complete-action</c>: marks a safeguarding action from a concluded discussion as done.</summary>
internal sealed class CompleteActionCommand : ICliCommand
{
    public string Name => "complete-action";

    public IReadOnlyList<string> Options => ["id", "action"];

    public async Task<int> RunAsync(CommandContext context)
    {
        var args = context.Arguments;
        var request = new CompleteActionRequest { DiscussionId = args.Require("id"), ActionId = args.Require("action") };
        var discussion = await context.Strategy.CompleteActionAsync(request, await context.CallOptionsAsync());
        DiscussionOutput.Write(context, discussion);
        return 0;
    }
}
