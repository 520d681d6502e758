using Mash.Contracts.Strategy.V1;

namespace Mash.Cli;

/// <summary>A strategy discussion as JSON or as text, whichever the run asked for.</summary>
internal static class DiscussionOutput
{
    public static void Write(CommandContext context, StrategyDiscussion discussion)
    {
        if (context.Settings.Json)
        {
            JsonOutput.Write(context.Out, discussion);
        }
        else
        {
            StrategyPrinter.Print(context.Out, discussion);
        }
    }
}
