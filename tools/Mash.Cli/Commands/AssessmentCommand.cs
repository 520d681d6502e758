using System.CommandLine;
using Mash.Contracts.Assessment.V1;

namespace Mash.Cli;

/// <summary><c>assessment</c>: one assessment by id, with its checks and outcome.</summary>
internal sealed class AssessmentCommand : ICliCommand
{
    private readonly Option<string> _id = CliOptions.RequiredText("--id", "ASM", "The assessment.");

    public AssessmentCommand() => Definition = new Command("assessment", "Show an assessment with its checks and outcome [Assessment.Read].") { _id };

    public Command Definition { get; }

    public GetAssessmentRequest Request(CommandContext context) => new() { AssessmentId = context.Required(_id) };

    public async Task<int> RunAsync(CommandContext context)
    {
        var assessment = await context.Assessments.GetAssessmentAsync(Request(context), await context.CallOptionsAsync());
        AssessmentOutput.Write(context, assessment);
        return 0;
    }
}
