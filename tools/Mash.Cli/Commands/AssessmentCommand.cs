using Mash.Contracts.Assessment.V1;

namespace Mash.Cli;

/// <summary><c>assessment</c>: one assessment by id, with its checks and outcome.</summary>
internal sealed class AssessmentCommand : ICliCommand
{
    public string Name => "assessment";

    public IReadOnlyList<string> Options => ["id"];

    public async Task<int> RunAsync(CommandContext context)
    {
        var request = new GetAssessmentRequest { AssessmentId = context.Arguments.Require("id") };
        var assessment = await context.Assessments.GetAssessmentAsync(request, await context.CallOptionsAsync());
        AssessmentOutput.Write(context, assessment);
        return 0;
    }
}
