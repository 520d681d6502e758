using Mash.Platform.Idempotency;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Offender.V1;
using Mash.Offender.Domain;
using Mash.Offender.Tests.Support;

namespace Mash.Offender.Tests.Domain;

public sealed class RegistrationRulesTests
{
    private static readonly DateOnly Today = OffenderApp.Today;

    [Fact]
    public void A_complete_registration_has_no_violations() =>
        Assert.False(RegistrationRules.Validate(Samples.Register(pncId: "12/345678a"), Today).HasViolations);

    [Fact]
    public void Every_bad_field_is_named_at_once()
    {
        var request = new RegisterOffenderRequest
        {
            DateOfBirth = new Date { Year = 2030, Month = 1, Day = 1 },
            PncId = "12345678",
            RegisteredOn = new Date { Year = 2026, Month = 2, Day = 30 },
        };

        Assert.Equal(
            ["idempotency_key", "family_name", "given_name", "date_of_birth", "pnc_id", "mappa_category", "mappa_level", "risk", "risk_rationale",
             "address", "area", "managing_officer", "registered_on"],
            RegistrationRules.Validate(request, Today).Items.Select(i => i.Field).Distinct());
    }

    [Fact]
    public void A_registered_sexual_offender_is_subject_to_notification_requirements_others_may_be()
    {
        var request = Samples.Register();
        request.NotificationRequirements = new NotificationRequirements();
        Assert.Equal(["notification_requirements.applies"], RegistrationRules.Validate(request, Today).Items.Select(i => i.Field));

        request.MappaCategory = MappaCategory.OtherDangerousOffender;
        Assert.False(RegistrationRules.Validate(request, Today).HasViolations);
    }

    [Fact]
    public void A_person_of_concern_not_mappa_managed_has_no_mappa_level_and_no_notification_requirements()
    {
        var request = Samples.Register();
        request.MappaCategory = MappaCategory.NotMappa;

        Assert.Equal(["mappa_level", "notification_requirements.applies"], RegistrationRules.Validate(request, Today).Items.Select(i => i.Field).Order(StringComparer.Ordinal));

        request.MappaLevel = MappaLevel.Unspecified;
        request.NotificationRequirements = new NotificationRequirements();
        Assert.False(RegistrationRules.Validate(request, Today).HasViolations);
    }

    [Fact]
    public void The_notification_period_ends_after_the_registration()
    {
        var request = Samples.Register();
        request.NotificationRequirements.EndsOn = Samples.Day(Today.AddDays(-1));

        Assert.Equal(["notification_requirements.ends_on"], RegistrationRules.Validate(request, Today).Items.Select(i => i.Field));
    }

    [Fact]
    public void A_retry_has_the_same_fingerprint_another_body_a_different_one()
    {
        var request = Samples.Register(key: "a");
        var retry = request.Clone();
        retry.IdempotencyKey = "b";
        var other = request.Clone();
        other.Area = "Redditch";

        Assert.Equal(RequestFingerprint.Of(request), RequestFingerprint.Of(retry));
        Assert.NotEqual(RequestFingerprint.Of(request), RequestFingerprint.Of(other));
    }

    [Fact]
    public void A_registration_in_year_0001_or_notification_ending_in_9999_is_refused_naming_the_field()
    {
        var ancient = Samples.Register();
        ancient.RegisteredOn = Samples.Day(new DateOnly(1, 1, 1));
        var endless = Samples.Register();
        endless.NotificationRequirements = new NotificationRequirements { Applies = true, EndsOn = Samples.Day(new DateOnly(9999, 12, 31)) };

        Assert.Contains("registered_on", RegistrationRules.Validate(ancient, Today).Items.Select(i => i.Field));
        Assert.Equal(["notification_requirements.ends_on"], RegistrationRules.Validate(endless, Today).Items.Select(i => i.Field));
    }
}
