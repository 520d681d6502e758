using Mash.Contracts.Strategy.V1;

namespace Mash.Cli;

/// <summary><c>discussion</c>: one strategy discussion in full: who took part, the decisions, actions and minutes.</summary>
internal sealed class DiscussionCommand : ICliCommand
{
    public string Name => "discussion";

    public IReadOnlyList<string> Options => ["id"];

    public async Task<int> RunAsync(CommandContext context)
    {
        var request = new GetDiscussionRequest { DiscussionId = context.Arguments.Require("id") };
        var discussion = await context.Strategy.GetDiscussionAsync(request, await context.CallOptionsAsync());
        DiscussionOutput.Write(context, discussion);
        return 0;
    }
}
