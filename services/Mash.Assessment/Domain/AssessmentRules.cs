using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Errors;
using Mash.Platform.Limits;

namespace Mash.Assessment.Domain;

/// <summary>What an agency check and an assessment's conclusion must carry.</summary>
public static class AssessmentRules
{
    public const int MaxCheckResult = 5_000;
    /// <summary>Assessment and referral ids ("asm_" or "ref_" and 32 hex digits); anything far longer is refused unread.</summary>
    public const int MaxAssessmentIdLength = RequestLimits.MaxIdLength;
    public const int MaxReferralIdLength = RequestLimits.MaxIdLength;
    public const int MaxRationale = 10_000;

    public static FieldViolations Validate(RecordCheckRequest request) => new FieldViolations()
        .Require(request.AssessmentId.Length > 0, "assessment_id", "Name the assessment.")
        .Require(request.Agency != Agency.Unspecified && Enum.IsDefined(request.Agency), "agency", "Name the agency whose records were checked.")
        .Require(!string.IsNullOrWhiteSpace(request.Result), "result", "Say what the agency's records returned (\"nothing known\" is a result).")
        .Require(request.Result.Length <= MaxCheckResult, "result", $"At most {MaxCheckResult} characters.");

    public static FieldViolations Validate(CompleteAssessmentRequest request) => new FieldViolations()
        .Require(request.AssessmentId.Length > 0, "assessment_id", "Name the assessment.")
        .Require(request.RiskLevel != RiskLevel.Unspecified && Enum.IsDefined(request.RiskLevel), "risk_level", "Give the risk level: low, medium, high or very high.")
        .Require(request.Rag != Rag.Unspecified && Enum.IsDefined(request.Rag), "rag", "Give a RAG rating: red, amber, green or blue.")
        .Require(!string.IsNullOrWhiteSpace(request.Rationale), "rationale", "Explain the conclusion.")
        .Require(request.Rationale.Length <= MaxRationale, "rationale", $"At most {MaxRationale} characters.");

    /// <summary>Why an assessment opened at receipt closes when its referral is decided for no assessment.</summary>
    public static string ClosureReason(ReferralOutcome outcome) =>
        $"The MASH decided the referral '{OutcomeWords(outcome)}': no assessment is needed (one opens for an assessment, a strategy discussion or immediate protection).";

    private static string OutcomeWords(ReferralOutcome outcome) => outcome switch
    {
        ReferralOutcome.NoFurtherAction => "no further action",
        ReferralOutcome.EarlyHelp => "early help or signposting",
        _ => outcome.ToString(),
    };

    /// <summary>Completed after its due time: a breach, recorded, never refused.</summary>
    public static bool IsBreached(DateTime dueAtUtc, DateTime completedAtUtc) => completedAtUtc > dueAtUtc;
}
