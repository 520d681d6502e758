using Mash.Contracts.Assessment.V1;

namespace Mash.Cli;

/// <summary>An assessment as JSON or as text, whichever the run asked for.</summary>
internal static class AssessmentOutput
{
    public static void Write(CommandContext context, Assessment assessment)
    {
        if (context.Settings.Json)
        {
            JsonOutput.Write(context.Out, assessment);
        }
        else
        {
            AssessmentPrinter.Print(context.Out, assessment);
        }
    }
}
