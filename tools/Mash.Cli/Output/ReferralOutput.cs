using Mash.Contracts.Referral.V1;

namespace Mash.Cli;

/// <summary>A referral answer as JSON or as text, whichever the run asked for.</summary>
internal static class ReferralOutput
{
    public static void Write(CommandContext context, Referral referral)
    {
        if (context.Settings.Json)
        {
            JsonOutput.Write(context.Out, referral);
        }
        else
        {
            ReferralPrinter.Print(context.Out, referral);
        }
    }
}
