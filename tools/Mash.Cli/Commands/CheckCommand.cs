using Mash.Contracts.Assessment.V1;

namespace Mash.Cli;

/// <summary><c>check</c>: records a multi-agency check made for an assessment and what it returned.</summary>
internal sealed class CheckCommand : ICliCommand
{
    public string Name => "check";

    public IReadOnlyList<string> Options => ["id", "agency", "result", "found"];

    public async Task<int> RunAsync(CommandContext context)
    {
        var args = context.Arguments;
        var request = new RecordCheckRequest
        {
            AssessmentId = args.Require("id"),
            Agency = Choices.Parse("agency", args.Require("agency"), Choices.Agencies),
            Result = args.Require("result"),
            InformationFound = args.Has("found"),
        };
        var assessment = await context.Assessments.RecordCheckAsync(request, await context.CallOptionsAsync());
        AssessmentOutput.Write(context, assessment);
        return 0;
    }
}
