using Mash.Contracts.Assessment.V1;

namespace Mash.Cli;

/// <summary><c>profile</c>: a child's risk as this node holds it and as partner agencies' nodes shared it.</summary>
internal sealed class ProfileCommand : ICliCommand
{
    public string Name => "profile";

    public IReadOnlyList<string> Options => ChildOptions.Names;

    public async Task<int> RunAsync(CommandContext context)
    {
        var request = new GetChildRiskProfileRequest { Child = ChildOptions.From(context.Arguments, requireNhs: true) };
        var profile = await context.Assessments.GetChildRiskProfileAsync(request, await context.CallOptionsAsync());
        if (context.Settings.Json)
        {
            JsonOutput.Write(context.Out, profile);
        }
        else
        {
            RiskProfilePrinter.Print(context.Out, profile);
        }

        return 0;
    }
}
