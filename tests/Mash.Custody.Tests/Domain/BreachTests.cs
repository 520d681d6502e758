using Mash.Contracts.Custody.V1;
using Mash.Custody.Domain;

namespace Mash.Custody.Tests.Domain;

public sealed class BreachTests
{
    private static readonly AreaCustodyRules Rules = new();
    private static readonly DateTime Arrived = new(2026, 11, 23, 18, 0, 0, DateTimeKind.Utc);

    private static DetentionFacts Detention(
        DateTime? charged = null, BailOutcome bail = BailOutcome.Unspecified, DateTime? bailAt = null, DateTime? left = null, DateTime? certificate = null,
        AdultFacts[]? adults = null, ReviewFacts[]? reviews = null, RequestFacts[]? requests = null) =>
        new(Arrived, Arrived.AddMinutes(15), charged, bail, bailAt, left, certificate, adults ?? [], reviews ?? [], requests ?? []);

    [Fact]
    public void The_17_year_old_who_waited_15_hours_for_an_appropriate_adult_shows_the_breach_with_the_wait()
    {
        var detention = Detention(adults: [new AdultFacts("aad_1", Arrived, Arrived.AddHours(15))],
            reviews: [new ReviewFacts("r1", Arrived.AddHours(6), false, null), new ReviewFacts("r2", Arrived.AddHours(15), false, null)]);

        var breach = Assert.Single(CustodyClocks.Breaches(detention, Arrived.AddHours(15.5), Rules));

        Assert.Equal((CustodyBreachKind.AppropriateAdultWait, "aad_1", false), (breach.Kind, breach.SubjectId, breach.Ongoing));
        Assert.Equal(TimeSpan.FromHours(13), breach.Overdue);
        Assert.Contains("15 h 00 min", breach.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wait_is_listed_while_the_child_still_waits_not_only_afterwards()
    {
        var detention = Detention(adults: [new AdultFacts("aad_1", Arrived, null)]);

        Assert.Empty(CustodyClocks.Breaches(detention, Arrived.AddHours(2), Rules));
        var breach = Assert.Single(CustodyClocks.Breaches(detention, Arrived.AddHours(3), Rules));
        Assert.True(breach.Ongoing);
        Assert.Equal(TimeSpan.FromHours(1), breach.Overdue);
    }

    [Fact]
    public void A_missed_review_is_overdue_while_the_child_is_held_and_a_late_one_stays_on_record()
    {
        var authorised = Arrived.AddMinutes(15);
        var late = Detention(reviews: [new ReviewFacts("r1", authorised.AddHours(7), false, null)]);

        var overdue = Assert.Single(CustodyClocks.Breaches(Detention(), authorised.AddHours(6.5), Rules));
        var recorded = Assert.Single(CustodyClocks.Breaches(late, authorised.AddHours(8), Rules));

        Assert.Equal((CustodyBreachKind.ReviewOverdue, true, TimeSpan.FromMinutes(30)), (overdue.Kind, overdue.Ongoing, overdue.Overdue));
        Assert.Equal((CustodyBreachKind.ReviewOverdue, "r1", false, TimeSpan.FromHours(1)), (recorded.Kind, recorded.SubjectId, recorded.Ongoing, recorded.Overdue));
        Assert.Empty(CustodyClocks.Breaches(Detention(left: authorised.AddHours(5)), authorised.AddHours(20), Rules));
    }

    [Fact]
    public void A_review_done_asleep_keeps_the_record_open_until_the_child_is_told_on_waking_even_after_release()
    {
        var asleep = new ReviewFacts("r1", Arrived.AddHours(5), true, null);
        var released = Detention(reviews: [asleep], left: Arrived.AddHours(8));

        Assert.False(CustodyClocks.RecordComplete(released));
        var breach = Assert.Single(CustodyClocks.Breaches(released, Arrived.AddHours(30), Rules));
        Assert.Equal((CustodyBreachKind.ReviewAsleepNotTold, "r1", true), (breach.Kind, breach.SubjectId, breach.Ongoing));

        var told = released with { Reviews = [asleep with { ToldOnWakingAt = Arrived.AddHours(7) }] };
        Assert.True(CustodyClocks.RecordComplete(told));
        Assert.Empty(CustodyClocks.Breaches(told, Arrived.AddHours(30), Rules));
    }

    [Fact]
    public void Held_past_the_areas_time_after_bail_was_refused_without_a_certificate_is_a_breach()
    {
        var refused = Arrived.AddHours(2);
        var detention = Detention(charged: Arrived.AddHours(1), bail: BailOutcome.Refused, bailAt: refused,
            reviews: [new ReviewFacts("r1", Arrived.AddHours(4), false, null)]);

        Assert.DoesNotContain(CustodyClocks.Breaches(detention, refused.AddHours(4), Rules), b => b.Kind == CustodyBreachKind.CertificateMissing);
        var missing = Assert.Single(CustodyClocks.Breaches(detention, refused.AddHours(5), Rules), b => b.Kind == CustodyBreachKind.CertificateMissing);
        Assert.True(missing.Ongoing);
        Assert.DoesNotContain(CustodyClocks.Breaches(detention with { CertificateIssuedAt = refused.AddHours(3) }, refused.AddHours(5), Rules),
            b => b.Kind == CustodyBreachKind.CertificateMissing);
        // Transferred before the certificate was due: none needed.
        Assert.DoesNotContain(CustodyClocks.Breaches(detention with { LeftAt = refused.AddHours(2) }, refused.AddHours(9), Rules),
            b => b.Kind == CustodyBreachKind.CertificateMissing);
    }

    [Fact]
    public void A_request_for_accommodation_unanswered_after_an_hour_is_listed_and_an_unsent_one_is_not_the_local_authoritys()
    {
        var requested = Arrived.AddHours(2);
        var detention = Detention(requests: [new RequestFacts("acr_1", requested, true, null), new RequestFacts("acr_2", requested, false, null)]);

        Assert.DoesNotContain(CustodyClocks.Breaches(detention, requested.AddMinutes(59), Rules), b => b.Kind == CustodyBreachKind.AccommodationUnanswered);
        var unanswered = Assert.Single(CustodyClocks.Breaches(detention, requested.AddMinutes(61), Rules), b => b.Kind == CustodyBreachKind.AccommodationUnanswered);
        Assert.Equal(("acr_1", true), (unanswered.SubjectId, unanswered.Ongoing));
    }

    [Theory]
    [InlineData(true, 1, false, true, 0)]
    [InlineData(true, 0, true, true, 0)]
    [InlineData(true, 0, false, true, 1)]
    [InlineData(false, 1, false, true, 1)]
    [InlineData(true, 1, false, false, 1)]
    [InlineData(false, 0, false, false, 3)]
    public void A_certificate_needs_a_refusal_of_bail_its_reason_and_a_request_or_why_none_was_made(bool refused, int requests, bool reasonNoRequest, bool reason, int missing)
    {
        Assert.Equal(missing, CertificateRules.Missing(refused, requests, reasonNoRequest, reason).Count);
    }

    [Fact]
    public void Secure_accommodation_is_only_for_a_child_of_12_or_over_with_the_public_protection_reason()
    {
        Assert.False(new Platform.Errors.FieldViolations().CheckSecure(true, "Serious violence to others", 12, Rules).HasViolations);
        var tooYoung = new Platform.Errors.FieldViolations().CheckSecure(true, "Serious violence to others", 11, Rules);
        Assert.Equal("secure_accommodation_sought", Assert.Single(tooYoung.Items).Field);
        Assert.Contains("11", tooYoung.Items[0].Description, StringComparison.Ordinal);
        Assert.Equal("public_protection_reason", Assert.Single(new Platform.Errors.FieldViolations().CheckSecure(true, "", 15, Rules).Items).Field);
    }

    [Fact]
    public void The_median_wait_is_the_middle_one_or_the_mean_of_the_two_middle_ones()
    {
        Assert.Equal(TimeSpan.FromHours(2), Platform.Figures.Medians.OfSorted([TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(15)]));
        Assert.Equal(TimeSpan.FromHours(1.5), Platform.Figures.Medians.OfSorted([TimeSpan.FromHours(1), TimeSpan.FromHours(2)]));
    }
}
