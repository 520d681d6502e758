using System.CommandLine;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;

namespace Mash.Cli;

/// <summary><c>check</c>: records a multi-agency check made for an assessment and what it returned.</summary>
internal sealed class CheckCommand : ICliCommand
{
    private readonly Option<string> _id = CliOptions.RequiredText("--id", "ASM", "The assessment.");
    private readonly Option<Agency> _agency = CliOptions.Choice("--agency", Choices.Agencies, "The agency whose records were checked.", required: true);
    private readonly Option<string> _result = CliOptions.RequiredText("--result", "TEXT", "What the records returned; \"nothing known\" is a result.");
    private readonly Option<bool> _found = CliOptions.Flag("--found", "Information was found.");

    public CheckCommand() => Definition = new Command("check", "Record a multi-agency check [Assessment.Assess].")
    {
        _id, _agency, _result, _found,
    };

    public Command Definition { get; }

    public RecordCheckRequest Request(CommandContext context) => new()
    {
        AssessmentId = context.Required(_id),
        Agency = context.Required(_agency),
        Result = context.Required(_result),
        InformationFound = context.Value(_found),
    };

    public async Task<int> RunAsync(CommandContext context)
    {
        var assessment = await context.Assessments.RecordCheckAsync(Request(context), await context.CallOptionsAsync());
        AssessmentOutput.Write(context, assessment);
        return 0;
    }
}
