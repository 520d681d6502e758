using System.CommandLine;
using Mash.Contracts.Strategy.V1;

namespace Mash.Cli;

/// <summary><c>complete-action</c>: marks a safeguarding action from a concluded discussion as done.</summary>
internal sealed class CompleteActionCommand : ICliCommand
{
    private readonly Option<string> _id = CliOptions.RequiredText("--id", "DSC", "The discussion.");
    private readonly Option<string> _action = CliOptions.RequiredText("--action", "ACT", "The action: the act_... id that 'discussion' shows.");

    public CompleteActionCommand() => Definition = new Command("complete-action", "Mark a safeguarding action done [Strategy.Manage].")
    {
        _id, _action,
    };

    public Command Definition { get; }

    public CompleteActionRequest Request(CommandContext context) => new()
    {
        DiscussionId = context.Required(_id),
        ActionId = context.Required(_action),
    };

    public async Task<int> RunAsync(CommandContext context)
    {
        var discussion = await context.Strategy.CompleteActionAsync(Request(context), await context.CallOptionsAsync());
        DiscussionOutput.Write(context, discussion);
        return 0;
    }
}
