using System.CommandLine;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Referral.V1;

namespace Mash.Cli;

/// <summary><c>complete</c>: concludes an assessment with a risk level, RAG and rationale.</summary>
internal sealed class CompleteCommand : ICliCommand
{
    private readonly Option<string> _id = CliOptions.RequiredText("--id", "ASM", "The assessment.");
    private readonly Option<RiskLevel> _risk = CliOptions.Choice("--risk", Choices.RiskLevels, "The child's risk level.", required: true);
    private readonly Option<Rag> _rag = CliOptions.Choice("--rag", Choices.Rags, "The RAG rating.", required: true);
    private readonly Option<string> _rationale = CliOptions.RequiredText("--rationale", "TEXT", "Why that conclusion.");
    private readonly Option<bool> _significantHarm = CliOptions.Flag("--significant-harm",
        "Reasonable cause to suspect significant harm: a strategy discussion is required.");

    public CompleteCommand() => Definition = new Command("complete", "Conclude an assessment [Assessment.Assess].")
    {
        _id, _risk, _rag, _rationale, _significantHarm,
    };

    public Command Definition { get; }

    public CompleteAssessmentRequest Request(CommandContext context) => new()
    {
        AssessmentId = context.Required(_id),
        RiskLevel = context.Required(_risk),
        Rag = context.Required(_rag),
        Rationale = context.Required(_rationale),
        SignificantHarmSuspected = context.Value(_significantHarm),
    };

    public async Task<int> RunAsync(CommandContext context)
    {
        var assessment = await context.Assessments.CompleteAssessmentAsync(Request(context), await context.CallOptionsAsync());
        AssessmentOutput.Write(context, assessment);
        return 0;
    }
}
