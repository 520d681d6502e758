using Mash.Platform.Identity;
using Mash.Contracts.Common.V1;
using Mash.Platform.Errors;

namespace Mash.Platform.Identity;

/// <summary>
/// What identifies a child well enough to hold a record about them: a valid NHS number, or (an
/// unconfirmed match) the child's name and date of birth.
/// </summary>
public static class ChildIdentityRules
{
    public const int MaxName = 1_000;

    public static void Validate(FieldViolations v, string field, ChildIdentity? child, DateOnly today)
    {
        if (child is null)
        {
            v.Add(field, "Identify the child: a valid NHS number, or the child's name and date of birth.");
            return;
        }

        var verdict = NhsNumber.Check(child.NhsNumber, out _);
        v.Require(verdict is NhsNumber.Verdict.Valid or NhsNumber.Verdict.Empty, $"{field}.nhs_number",
            NhsNumber.Describe(verdict) + " Leave it empty if not known: the child match is then unconfirmed.");
        if (verdict == NhsNumber.Verdict.Empty)
        {
            const string demographics = "Without an NHS number give the child's name and date of birth (the match is then unconfirmed).";
            v.Require(!string.IsNullOrWhiteSpace(child.GivenName) || !string.IsNullOrWhiteSpace(child.FamilyName), $"{field}.family_name", demographics);
            v.Require(child.DateOfBirth is not null, $"{field}.date_of_birth", demographics);
        }

        DatesOfBirth.Check(v, $"{field}.date_of_birth", child.DateOfBirth, today);
        v.Require(Enum.IsDefined(child.Sex), $"{field}.sex", "Not a known value.");
        v.Require(child.GivenName.Length <= MaxName, $"{field}.given_name", $"At most {MaxName} characters.");
        v.Require(child.FamilyName.Length <= MaxName, $"{field}.family_name", $"At most {MaxName} characters.");
    }

    public static bool IsConfirmed(ChildIdentity? child) => NhsNumber.IsValid(child?.NhsNumber);

    /// <summary>A request's child filter: absent, or present with nothing in it, means every child.</summary>
    public static bool IsGiven(ChildIdentity? child) => child is not null && !child.Equals(new ChildIdentity());
}
