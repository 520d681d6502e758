using System.Text;
using Mash.Contracts.Common.V1;
using Mash.Platform.Identity;

namespace Mash.Platform.Tests.Identity;

public sealed class ChildKeyHasherTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("partnership-secret-for-tests");
    private static readonly byte[] OtherSecret = Encoding.UTF8.GetBytes("another-partnership-secret");

    /// <summary>An invented child.</summary>
    private static ChildIdentity Child(
        string nhsNumber = "",
        string givenName = "Amy",
        string familyName = "Example",
        string postcode = "WR1 1AA",
        Sex sex = Sex.Female,
        int birthYear = 2014) => new()
        {
            NhsNumber = nhsNumber,
            GivenName = givenName,
            FamilyName = familyName,
            DateOfBirth = new Date { Year = birthYear, Month = 3, Day = 9 },
            Sex = sex,
            Address = new Address { Lines = { "1 Test Street" }, Town = "Worcester", Postcode = postcode },
        };

    private static string Key(ChildIdentity child, byte[]? secret = null) => new ChildKeyHasher(secret ?? Secret).KeyFor(child);

    [Theory]
    [InlineData("943 476 5919")]
    [InlineData("943-476-5919")]
    [InlineData(" 9434765919 ")]
    public void The_same_NHS_number_typed_differently_gives_the_same_key(string typed) =>
        Assert.Equal(Key(Child("9434765919")), Key(Child(typed)));

    [Fact]
    public void With_an_NHS_number_the_key_does_not_depend_on_the_demographics()
    {
        // One node may hold a misspelt name or an old address: the NHS number still joins them.
        Assert.Equal(
            Key(Child("9434765919")),
            Key(Child("9434765919", givenName: "Aimee", familyName: "Exampel", postcode: "B1 1AA", birthYear: 2015)));
    }

    [Fact]
    public void Different_NHS_numbers_give_different_keys() =>
        Assert.NotEqual(Key(Child("9434765919")), Key(Child("4010232137")));

    [Fact]
    public void Nodes_with_the_same_secret_agree_and_a_different_secret_gives_a_different_key()
    {
        var child = Child("9434765919");

        Assert.Equal(new ChildKeyHasher(Secret).KeyFor(child), new ChildKeyHasher([.. Secret]).KeyFor(child));
        Assert.NotEqual(Key(child), Key(child, OtherSecret));
        Assert.NotEqual(Key(Child()), Key(Child(), OtherSecret));
    }

    [Theory]
    [InlineData("9434765919")]
    [InlineData("4010232137")]
    public void The_key_never_carries_the_NHS_number_or_the_name(string nhsNumber)
    {
        var key = Key(Child(nhsNumber));

        Assert.DoesNotContain(nhsNumber, key);
        Assert.DoesNotContain(nhsNumber[..6], key);
        Assert.DoesNotContain("amy", key, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("example", key, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Without_an_NHS_number_the_key_is_stable_under_case_spacing_and_postcode_format()
    {
        var key = Key(Child());

        Assert.Equal(key, Key(Child(givenName: "AMY", familyName: "example")));
        Assert.Equal(key, Key(Child(givenName: "  amy ", familyName: " EXAMPLE")));
        Assert.Equal(key, Key(Child(postcode: "wr11aa")));
        Assert.Equal(key, Key(Child(postcode: "WR1  1AA")));
    }

    [Fact]
    public void Without_an_NHS_number_different_children_get_different_keys()
    {
        var key = Key(Child());

        Assert.NotEqual(key, Key(Child(givenName: "Cal")));
        Assert.NotEqual(key, Key(Child(familyName: "Sample")));
        Assert.NotEqual(key, Key(Child(birthYear: 2017)));
        Assert.NotEqual(key, Key(Child(sex: Sex.Male)));
        Assert.NotEqual(key, Key(Child(postcode: "WR2 1AA")));
    }

    [Fact]
    public void A_demographic_key_differs_from_the_NHS_key_of_the_same_child() =>
        Assert.NotEqual(Key(Child()), Key(Child("9434765919")));

    [Theory]
    [InlineData("9434765910")] // wrong check digit
    [InlineData("943476591")] // too short
    [InlineData("not known")]
    public void An_invalid_NHS_number_is_ignored_and_the_demographics_are_used(string invalid) =>
        Assert.Equal(Key(Child()), Key(Child(invalid)));

    [Fact]
    public void A_child_with_no_date_of_birth_or_address_still_gets_a_key()
    {
        var bare = new ChildIdentity { GivenName = "Amy", FamilyName = "Example" };

        var key = Key(bare);

        Assert.Equal(64, key.Length);
        Assert.NotEqual(key, Key(Child()));
    }

    [Fact]
    public void Names_that_differ_only_in_where_a_separator_falls_are_different_children() =>
        Assert.NotEqual(
            Key(Child(givenName: "Amy|Rose", familyName: "Example")),
            Key(Child(givenName: "Amy", familyName: "Rose|Example")));
}
