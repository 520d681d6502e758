using Mash.Platform.Time;
using Mash.Assessment.Domain;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Identity;
using Mash.Assessment.IntegrationEvents;

namespace Mash.Assessment.Application;

/// <summary>
/// The CSE screening calculator: stores nothing, but a screening of a named child is a use of
/// their record, so it states its purpose and is audited.
/// </summary>
internal sealed class CseScreeningCommands(CseScreeningTool tool, CallAudit audit, ChildKeyHasher childKeys, ServiceClock clock)
{
    public const string AuditRecordId = "cse-screening";

    public Task<CseScreening> ScreenAsync(ScreenCseRequest request, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var v = new FieldViolations();
        for (var i = 0; i < request.Indicators.Count; i++)
        {
            v.Require(CseScreeningTool.IsKnown(request.Indicators[i]), $"indicators[{i}]", "Not a known CSE indicator.");
        }

        var child = request.Child;
        if (child is not null)
        {
            var verdict = NhsNumber.Check(child.NhsNumber, out _);
            v.Require(verdict is NhsNumber.Verdict.Valid or NhsNumber.Verdict.Empty, "child.nhs_number", NhsNumber.Describe(verdict));
            DatesOfBirth.Check(v, "child.date_of_birth", child.DateOfBirth, today);
        }

        v.ThrowIfAny("The indicators cannot be scored.");
        if (Names(child))
        {
            audit.RequireStatedPurpose();
            audit.Touch(childKeys.KeyFor(child!), AuditRecordId);
        }

        var result = tool.Score(request.Indicators, ChildAge.Of(child, today));
        return Task.FromResult(new CseScreening { Score = result.Score, Risk = result.Risk, Reasons = { result.Reasons } });
    }

    /// <summary>A date of birth alone (for the age rule) does not name a child; an NHS number or a name does.</summary>
    private static bool Names(ChildIdentity? child) =>
        child is not null && (!string.IsNullOrWhiteSpace(child.NhsNumber) || !string.IsNullOrWhiteSpace(child.GivenName) || !string.IsNullOrWhiteSpace(child.FamilyName));
}
