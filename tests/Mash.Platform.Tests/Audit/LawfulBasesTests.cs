using System.Globalization;
using Mash.Contracts.Common.V1;
using Mash.Platform.Audit;

namespace Mash.Platform.Tests.Audit;

public sealed class LawfulBasesTests
{
    [Theory]
    [InlineData("LAWFUL_BASIS_CONSENT", LawfulBasis.Consent)]
    [InlineData("LAWFUL_BASIS_PUBLIC_TASK", LawfulBasis.PublicTask)]
    [InlineData("lawful_basis_public_task", LawfulBasis.PublicTask)]
    [InlineData("Lawful_Basis_Recognised_Legitimate_Interest", LawfulBasis.RecognisedLegitimateInterest)]
    [InlineData("lawful_basis_safeguarding_of_children", LawfulBasis.SafeguardingOfChildren)]
    [InlineData(" LAWFUL_BASIS_LAW_ENFORCEMENT ", LawfulBasis.LawEnforcement)]
    public void Proto_names_are_accepted_in_any_case(string name, LawfulBasis expected)
    {
        Assert.True(LawfulBases.TryParse(name, out var basis));
        Assert.Equal(expected, basis);
    }

    [Fact]
    public void Every_named_basis_round_trips_through_its_name()
    {
        foreach (var basis in Enum.GetValues<LawfulBasis>().Where(b => b != LawfulBasis.Unspecified))
        {
            var name = LawfulBases.Name(basis);
            Assert.StartsWith("LAWFUL_BASIS_", name, StringComparison.Ordinal);
            Assert.True(LawfulBases.TryParse(name, out var parsed), name);
            Assert.Equal(basis, parsed);
        }
    }

    [Fact]
    public void Lower_case_names_are_accepted_on_a_Turkish_server_too()
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("tr-TR");
            Assert.True(LawfulBases.TryParse("lawful_basis_public_task", out var basis));
            Assert.Equal(LawfulBasis.PublicTask, basis);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Theory]
    [InlineData("LAWFUL_BASIS_UNSPECIFIED")]
    [InlineData("lawful_basis_unspecified")]
    [InlineData("PUBLIC_TASK")]
    [InlineData("PublicTask")]
    [InlineData("LAWFUL_BASIS_LEGITIMATE_INTEREST")]
    [InlineData("2")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Unspecified_unknown_and_empty_are_refused(string? name)
    {
        Assert.False(LawfulBases.TryParse(name, out var basis));
        Assert.Equal(LawfulBasis.Unspecified, basis);
    }
}
