using Mash.Contracts.Assessment.V1;

namespace Mash.Cli;

/// <summary><c>complete</c>: concludes an assessment with a risk level, RAG and rationale.</summary>
internal sealed class CompleteCommand : ICliCommand
{
    public string Name => "complete";

    public IReadOnlyList<string> Options => ["id", "risk", "rag", "rationale", "significant-harm"];

    public async Task<int> RunAsync(CommandContext context)
    {
        var args = context.Arguments;
        var request = new CompleteAssessmentRequest
        {
            AssessmentId = args.Require("id"),
            RiskLevel = Choices.Parse("risk", args.Require("risk"), Choices.RiskLevels),
            Rag = Choices.Parse("rag", args.Require("rag"), Choices.Rags),
            Rationale = args.Require("rationale"),
            SignificantHarmSuspected = args.Has("significant-harm"),
        };
        var assessment = await context.Assessments.CompleteAssessmentAsync(request, await context.CallOptionsAsync());
        AssessmentOutput.Write(context, assessment);
        return 0;
    }
}
