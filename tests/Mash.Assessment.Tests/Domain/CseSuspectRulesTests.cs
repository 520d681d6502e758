using Mash.Assessment.Domain;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Events.V1;
using Mash.Platform.Errors;

namespace Mash.Assessment.Tests.Domain;

public sealed class CseSuspectRulesTests
{
    private const string OffenderId = "off_0193a1b2c3d4e5f60718293a4b5c6d7e";

    private static List<string> Violated(SuspectedPerpetrator? suspect, CseContactContext? contact = null)
    {
        var v = new FieldViolations();
        CseSuspectRules.Check(v, suspect, contact);
        return [.. v.Items.Select(i => i.Field)];
    }

    [Fact]
    public void The_reviews_case_is_accepted_and_its_age_gives_the_band()
    {
        var suspect = new SuspectedPerpetrator { AgeYears = 47, Relationship = SuspectRelationship.OnlineContact, OffenderId = OffenderId };
        Assert.Empty(Violated(suspect, new CseContactContext { OnlinePlatform = "Facebook" }));
        Assert.Equal(SuspectAgeBand.Aged45To54, CseSuspectRules.Normalise(suspect)!.AgeBand);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(101)]
    [InlineData(-1)]
    public void An_age_out_of_range_is_refused(int age) =>
        Assert.Equal(["suspect.age_years"], Violated(new SuspectedPerpetrator { AgeYears = age }));

    [Theory]
    [InlineData(10, SuspectAgeBand.Under18)]
    [InlineData(17, SuspectAgeBand.Under18)]
    [InlineData(18, SuspectAgeBand.Aged18To24)]
    [InlineData(34, SuspectAgeBand.Aged25To34)]
    [InlineData(44, SuspectAgeBand.Aged35To44)]
    [InlineData(54, SuspectAgeBand.Aged45To54)]
    [InlineData(55, SuspectAgeBand.Aged55AndOver)]
    [InlineData(100, SuspectAgeBand.Aged55AndOver)]
    public void Each_age_falls_in_one_band(int age, SuspectAgeBand band) => Assert.Equal(band, CseSuspectRules.BandOf(age));

    [Fact]
    public void An_age_and_a_band_it_does_not_fall_in_are_refused_naming_the_band()
    {
        var v = new FieldViolations();
        CseSuspectRules.Check(v, new SuspectedPerpetrator { AgeYears = 47, AgeBand = SuspectAgeBand.Aged18To24 }, null);
        var violation = Assert.Single(v.Items);
        Assert.Equal("suspect.age_band", violation.Field);
        Assert.Contains("45 to 54", violation.Description, StringComparison.Ordinal);

        Assert.Empty(Violated(new SuspectedPerpetrator { AgeYears = 47, AgeBand = SuspectAgeBand.Aged45To54 }));
        Assert.Empty(Violated(new SuspectedPerpetrator { AgeBand = SuspectAgeBand.Aged18To24 }));
    }

    [Theory]
    [InlineData("off_123")]
    [InlineData("OFF_0193A1B2C3D4E5F60718293A4B5C6D7E")]
    [InlineData("lnk_0193a1b2c3d4e5f60718293a4b5c6d7e")]
    [InlineData(" off_0193a1b2c3d4e5f60718293a4b5c6d7e")]
    [InlineData("off_0193a1b2c3d4e5f60718293a4b5c6d7g")]
    public void An_offender_id_the_offender_service_never_issues_is_refused(string id) =>
        Assert.Equal(["suspect.offender_id"], Violated(new SuspectedPerpetrator { OffenderId = id }));

    [Fact]
    public void Unknown_enums_and_over_long_texts_are_refused_each_by_name()
    {
        var suspect = new SuspectedPerpetrator { AgeBand = (SuspectAgeBand)99, Relationship = (SuspectRelationship)99, Description = new string('x', 1_001) };
        var contact = new CseContactContext { OnlinePlatform = new string('x', 101), Place = new string('x', 201) };
        Assert.Equal(["contact.online_platform", "contact.place", "suspect.age_band", "suspect.description", "suspect.relationship"],
            Violated(suspect, contact).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Partners_get_the_band_the_relationship_whether_a_record_is_linked_and_the_contact_never_the_identity()
    {
        var suspect = CseSuspectRules.Normalise(new SuspectedPerpetrator
        { AgeYears = 47, Relationship = SuspectRelationship.OnlineContact, OffenderId = OffenderId, Description = "Username dan_47" });
        var shared = new CseFlagChanged();

        CseSuspectRules.ShareInto(shared, suspect, new CseContactContext { OnlinePlatform = "Facebook" });

        Assert.Equal((SuspectAgeBand.Aged45To54, SuspectRelationship.OnlineContact, true), (shared.SuspectAgeBand, shared.SuspectRelationship, shared.SuspectLinkedToPersonRecord));
        Assert.Equal("Facebook", shared.Contact.OnlinePlatform);
        var wire = shared.ToString();
        Assert.DoesNotContain(OffenderId, wire, StringComparison.Ordinal);
        Assert.DoesNotContain("dan_47", wire, StringComparison.Ordinal);
        Assert.DoesNotContain("47", wire, StringComparison.Ordinal);
    }

    [Fact]
    public void A_suspect_or_contact_with_nothing_in_it_is_no_suspect_or_contact()
    {
        Assert.Null(CseSuspectRules.Normalise(new SuspectedPerpetrator { Description = "   " }));
        Assert.Null(CseSuspectRules.Normalise(new CseContactContext { Place = " " }));
        Assert.Equal("Snapchat", CseSuspectRules.Normalise(new CseContactContext { OnlinePlatform = " Snapchat " })!.OnlinePlatform);
    }
}
