using Mash.Contracts.Assessment.V1;

namespace Mash.Cli;

/// <summary>A CSE flag as JSON or as text.</summary>
internal static class CseFlagOutput
{
    public static void Write(CommandContext context, CseFlag flag)
    {
        if (context.Settings.Json)
        {
            JsonOutput.Write(context.Out, flag);
        }
        else
        {
            CsePrinter.PrintFlag(context.Out, flag);
        }
    }
}
