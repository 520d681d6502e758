using Mash.Platform.Idempotency;
using Mash.Platform.Identity;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Platform.Errors;

namespace Mash.Assessment.Domain;

/// <summary>
/// What raising, reviewing and clearing a CSE flag must carry: who it is about, the risk, why, on
/// which evidence and (when raised) under which lawful basis. A child under 13 is never Low. Who is
/// suspected and where the child was contacted may go with a raise or a review (<see cref="CseSuspectRules"/>).
/// </summary>
public static class CseFlagRules
{
    public const int MaxText = 10_000;

    public static string NeverLowMessage(int neverLowUnderAge) => $"a child under {neverLowUnderAge} is never low CSE risk";

    public static FieldViolations Validate(RaiseCseFlagRequest request, DateOnly today, int neverLowUnderAge = 13)
    {
        var v = new FieldViolations().CheckIdempotencyKey(request.IdempotencyKey, "raise a second flag");
        ChildIdentityRules.Validate(v, "child", request.Child, today);
        CheckRisk(v, request.Risk, ChildAge.Of(request.Child, today), neverLowUnderAge);
        CheckWhy(v, request.Reason, request.Evidence);
        v.Require(request.LawfulBasis != LawfulBasis.Unspecified && Enum.IsDefined(request.LawfulBasis), "lawful_basis",
            "Name the lawful basis for holding and sharing the flag.");
        CseSuspectRules.Check(v, request.Suspect, request.Contact);
        return v;
    }

    public static FieldViolations Validate(ReviewCseFlagRequest request)
    {
        var v = new FieldViolations().Require(request.FlagId.Length > 0, "flag_id", "Name the flag.");
        CheckRisk(v, request.Risk, null, 0);
        CheckWhy(v, request.Reason, request.Evidence);
        CseSuspectRules.Check(v, request.Suspect, request.Contact);
        return v;
    }

    public static FieldViolations Validate(ClearCseFlagRequest request)
    {
        var v = new FieldViolations().Require(request.FlagId.Length > 0, "flag_id", "Name the flag.");
        CheckWhy(v, request.Reason, request.Evidence);
        return v;
    }

    /// <summary>The under-13 rule for a child whose age is known: a Low flag is refused.</summary>
    public static FieldViolations CheckAge(CseRisk risk, int? ageInYears, int neverLowUnderAge = 13)
    {
        var v = new FieldViolations();
        CheckRisk(v, risk, ageInYears, neverLowUnderAge);
        return v;
    }

    private static void CheckRisk(FieldViolations v, CseRisk risk, int? ageInYears, int neverLowUnderAge)
    {
        if (risk == CseRisk.Unspecified || !Enum.IsDefined(risk))
        {
            v.Add("risk", "Give the CSE risk: low, medium or high.");
        }
        else if (risk == CseRisk.Low && ageInYears < neverLowUnderAge)
        {
            v.Add("risk", NeverLowMessage(neverLowUnderAge));
        }
    }

    private static void CheckWhy(FieldViolations v, string reason, string evidence)
    {
        v.Require(!string.IsNullOrWhiteSpace(reason), "reason", "Say why.");
        v.Require(reason.Length <= MaxText, "reason", $"At most {MaxText} characters.");
        v.Require(!string.IsNullOrWhiteSpace(evidence), "evidence", "Say on which evidence.");
        v.Require(evidence.Length <= MaxText, "evidence", $"At most {MaxText} characters.");
    }
}
