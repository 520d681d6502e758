using Mash.Platform.Idempotency;
using Mash.Platform.Time;
using System.Text.RegularExpressions;
using Mash.Contracts.Offender.V1;
using Mash.Platform.Errors;
using Mash.Platform.Identity;

namespace Mash.Offender.Domain;

/// <summary>What registering an offender, or a person of concern who is not MAPPA-managed, must carry.</summary>
public static partial class RegistrationRules
{
    /// <summary>"YY/NNNNNNNL" or "YYYY/NNNNNNNL": the year, a serial number and a check letter.</summary>
    [GeneratedRegex(@"^(\d{2}|\d{4})/\d{1,7}[A-Z]$")]
    private static partial Regex PncIdPattern();

    public static FieldViolations Validate(RegisterOffenderRequest request, DateOnly today) => Validate(request, DateWindow.For(today));

    /// <summary>The request's fields, its days within today's bounds (<c>Mash:Dates</c>).</summary>
    public static FieldViolations Validate(RegisterOffenderRequest request, DateWindow window)
    {
        var v = new FieldViolations().CheckIdempotencyKey(request.IdempotencyKey, "record the offender twice");
        v.CheckText("family_name", request.FamilyName, RequestChecks.MaxName, "Give the offender's family name.");
        v.CheckText("given_name", request.GivenName, RequestChecks.MaxName, "Give the offender's given name.");
        if (request.DateOfBirth is null)
        {
            v.Add("date_of_birth", "Give the offender's date of birth.");
        }

        DatesOfBirth.Check(v, "date_of_birth", request.DateOfBirth, window.Today);
        v.Require(request.PncId.Length == 0 || PncIdPattern().IsMatch(NormalisePncId(request.PncId)), "pnc_id",
            "Not a PNC id: the year, a slash, the serial number and the check letter, e.g. 12/345678A.");
        v.CheckKnown("mappa_category", request.MappaCategory,
            "Give the MAPPA category: 1 registered sexual offender, 2 violent, 3 other dangerous, or not MAPPA-managed (a person of concern).");
        if (request.MappaCategory == MappaCategory.NotMappa)
        {
            v.Require(request.MappaLevel == MappaLevel.Unspecified, "mappa_level", "A person who is not MAPPA-managed has no MAPPA level.");
        }
        else
        {
            v.CheckKnown("mappa_level", request.MappaLevel, "Give the MAPPA level: 1 ordinary agency management, 2 or 3 multi-agency.");
        }

        v.CheckKnown("risk", request.Risk, "Give the risk of serious harm: low, medium, high or very high.");
        v.CheckText("risk_rationale", request.RiskRationale, RequestChecks.MaxText, "Say what the risk level rests on, e.g. the ARMS assessment.");
        v.CheckAddress("address", request.Address, required: true);
        v.CheckText("area", request.Area, RequestChecks.MaxName, "Give the area the offender lives in, so its officers know of them.");
        v.CheckText("managing_officer", request.ManagingOfficer, RequestChecks.MaxName, "Name the officer who manages the offender.");
        var registeredOn = v.CheckDay("registered_on", request.RegisteredOn, "Give the date of registration (the initial notification).", window, DayKind.Happened);
        v.Require(registeredOn is null || !Dates.TryGet(request.DateOfBirth, out var born) || registeredOn > born, "registered_on", "Registered before the offender was born.");
        CheckNotificationRequirements(v, request, registeredOn, window);
        return v;
    }

    /// <summary>Upper case without spaces, as the PNC writes it.</summary>
    public static string NormalisePncId(string pncId) => pncId.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    private static void CheckNotificationRequirements(FieldViolations v, RegisterOffenderRequest request, DateOnly? registeredOn, DateWindow window)
    {
        var requirements = request.NotificationRequirements ?? new NotificationRequirements();
        // Category 1 is defined by the notification requirements; others may carry them under another scheme.
        v.Require(requirements.Applies || request.MappaCategory != MappaCategory.RegisteredSexualOffender, "notification_requirements.applies",
            "A registered sexual offender (MAPPA category 1) is subject to notification requirements.");
        // Whoever is subject to them is a registered sexual offender, MAPPA category 1 by definition.
        v.Require(!requirements.Applies || request.MappaCategory != MappaCategory.NotMappa, "notification_requirements.applies",
            "A person subject to notification requirements is MAPPA-managed (category 1).");
        v.Require(requirements.Applies || requirements.EndsOn is null, "notification_requirements.ends_on", "Only notification requirements that apply can end.");
        var endsOn = v.CheckOptionalDay("notification_requirements.ends_on", requirements.EndsOn, window, DayKind.TermEnd);
        v.Require(endsOn is null || registeredOn is null || endsOn > registeredOn, "notification_requirements.ends_on",
            "The notification period ends after the registration.");
    }
}
