using System.CommandLine;
using Mash.Contracts.Assessment.V1;

namespace Mash.Cli;

/// <summary><c>profile</c>: a child's risk as this node holds it and as partner agencies' nodes shared it.</summary>
internal sealed class ProfileCommand : ICliCommand
{
    private readonly ChildOptions _child = new(requireNhs: true);

    public ProfileCommand() => Definition = new Command("profile",
        "A child's risk: local CSE flags with their history, local risk level, and what partner agencies' nodes shared "
        + "[Assessment.Read].").With(_child.All);

    public Command Definition { get; }

    public GetChildRiskProfileRequest Request(CommandContext context) => new() { Child = _child.From(context) };

    public async Task<int> RunAsync(CommandContext context)
    {
        var profile = await context.Assessments.GetChildRiskProfileAsync(Request(context), await context.CallOptionsAsync());
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
