using Mash.Contracts.Offender.V1;
using Mash.Platform.Errors;

namespace Mash.Offender.Domain;

/// <summary>A reviewed risk: the level, why, and optionally a new MAPPA level.</summary>
public static class RiskRules
{
    public static FieldViolations Validate(UpdateOffenderRiskRequest request)
    {
        var v = new FieldViolations().CheckId("offender_id", request.OffenderId, "offender");
        v.CheckKnown("risk", request.Risk, "Give the reviewed risk: low, medium, high or very high.");
        v.CheckText("rationale", request.Rationale, RequestChecks.MaxText, "Say what the review rests on; partners see it, as written, for each linked child.");
        v.CheckOptionalText("internal_note", request.InternalNote, RequestChecks.MaxText);
        v.Require(Enum.IsDefined(request.MappaLevel), "mappa_level", "Not a MAPPA level.");
        return v.Require(request.ExpectedVersion >= 0, "expected_version", "The version read, or 0.");
    }

    /// <summary>A MAPPA level for a person who is not MAPPA-managed is a contradiction.</summary>
    public static FieldViolations ValidateAgainst(UpdateOffenderRiskRequest request, MappaCategory category) => new FieldViolations()
        .Require(category != MappaCategory.NotMappa || request.MappaLevel == MappaLevel.Unspecified, "mappa_level",
            "This person is not MAPPA-managed: they have no MAPPA level.");

    /// <summary>
    /// The same risk, level, rationale and note as recorded: a retry, answered without a change. A
    /// review confirming the risk with a new rationale is recorded, though nothing is shared.
    /// </summary>
    public static bool IsRepeat(UpdateOffenderRiskRequest request, OffenderRisk risk, MappaLevel level, string rationale, string internalNote) =>
        request.Risk == risk && (request.MappaLevel == MappaLevel.Unspecified || request.MappaLevel == level)
        && request.Rationale.Trim() == rationale && request.InternalNote.Trim() == internalNote;
}
