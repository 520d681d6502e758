using System.CommandLine;
using Mash.Contracts.Strategy.V1;

namespace Mash.Cli;

/// <summary><c>discussion</c>: one strategy discussion in full: who took part, the decisions, actions and minutes.</summary>
internal sealed class DiscussionCommand : ICliCommand
{
    private readonly Option<string> _id = CliOptions.RequiredText("--id", "DSC", "The discussion.");

    public DiscussionCommand() => Definition = new Command("discussion",
        "Show a discussion in full: participants, decisions, actions, minutes [Strategy.Read].") { _id };

    public Command Definition { get; }

    public GetDiscussionRequest Request(CommandContext context) => new() { DiscussionId = context.Required(_id) };

    public async Task<int> RunAsync(CommandContext context)
    {
        var discussion = await context.Strategy.GetDiscussionAsync(Request(context), await context.CallOptionsAsync());
        DiscussionOutput.Write(context, discussion);
        return 0;
    }
}
