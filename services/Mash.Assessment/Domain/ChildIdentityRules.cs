using Mash.Contracts.Common.V1;
using Mash.Platform.Errors;
using Mash.Platform.Identity;

namespace Mash.Assessment.Domain;

/// <summary>
/// What identifies a child well enough to hold a record about them: a valid NHS number, or
/// (an unconfirmed match) the child's name and date of birth.
/// </summary>
public static class ChildIdentityRules
{
    public const int MaxShortText = 1_000;

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
        v.Require(child.GivenName.Length <= MaxShortText, $"{field}.given_name", $"At most {MaxShortText} characters.");
        v.Require(child.FamilyName.Length <= MaxShortText, $"{field}.family_name", $"At most {MaxShortText} characters.");
    }

    /// <summary>The child's age in years on <paramref name="today"/>, if a real date of birth is known.</summary>
    public static int? AgeOn(ChildIdentity? child, DateOnly today) =>
        child?.DateOfBirth is { } date && DatesOfBirth.TryToDateOnly(date, out var born) && born <= today ? ChildAge.YearsOn(born, today) : null;

    public static bool IsConfirmed(ChildIdentity? child) => NhsNumber.IsValid(child?.NhsNumber);
}
