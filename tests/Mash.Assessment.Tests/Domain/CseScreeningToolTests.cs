using Mash.Platform.Identity;
using Mash.Assessment.Domain;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Events.V1;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Mash.Assessment.Tests.Domain;

public sealed class CseScreeningToolTests
{
    private static readonly CseScreeningTool Tool = CseScreeningTool.Default;

    [Theory]
    [InlineData(CseIndicator.MissingEpisodes, 3)]
    [InlineData(CseIndicator.OlderAssociates, 3)]
    [InlineData(CseIndicator.UnexplainedGiftsOrMoney, 2)]
    [InlineData(CseIndicator.SubstanceMisuse, 2)]
    [InlineData(CseIndicator.SexualHealthConcerns, 3)]
    [InlineData(CseIndicator.OnlineContactWithUnknownAdults, 2)]
    [InlineData(CseIndicator.SchoolAbsence, 1)]
    [InlineData(CseIndicator.SelfHarm, 2)]
    [InlineData(CseIndicator.FamilyBreakdown, 1)]
    [InlineData(CseIndicator.LookedAfter, 1)]
    [InlineData(CseIndicator.HotspotLocations, 2)]
    public void Each_indicator_scores_its_weight(CseIndicator indicator, int weight) =>
        Assert.Equal(weight, Tool.Score([indicator], 15).Score);

    [Theory]
    [InlineData(4, CseRisk.Low, new[] { CseIndicator.MissingEpisodes, CseIndicator.SchoolAbsence })]
    [InlineData(5, CseRisk.Medium, new[] { CseIndicator.MissingEpisodes, CseIndicator.UnexplainedGiftsOrMoney })]
    [InlineData(9, CseRisk.Medium, new[] { CseIndicator.MissingEpisodes, CseIndicator.OlderAssociates, CseIndicator.SexualHealthConcerns })]
    [InlineData(10, CseRisk.High, new[] { CseIndicator.MissingEpisodes, CseIndicator.OlderAssociates, CseIndicator.SexualHealthConcerns, CseIndicator.SchoolAbsence })]
    public void Scores_band_low_to_four_medium_to_nine_and_high_from_ten(int score, CseRisk risk, CseIndicator[] indicators)
    {
        var result = Tool.Score(indicators, 15);
        Assert.Equal(score, result.Score);
        Assert.Equal(risk, result.Risk);
    }

    [Theory]
    [InlineData(CseIndicator.Disclosure)]
    [InlineData(CseIndicator.LinkedToKnownPerpetrator)]
    public void A_disclosure_or_a_link_to_a_known_perpetrator_is_high_on_its_own(CseIndicator indicator)
    {
        var result = Tool.Score([indicator], 16);
        Assert.Equal(CseRisk.High, result.Risk);
        Assert.Equal(0, result.Score);
        Assert.Contains(result.Reasons, r => r.Contains("High on its own", StringComparison.Ordinal));
    }

    [Fact]
    public void A_child_under_13_is_never_low()
    {
        var result = Tool.Score([CseIndicator.SchoolAbsence], 12);
        Assert.Equal(CseRisk.Medium, result.Risk);
        Assert.Contains("under 13: never low", result.Reasons);
        Assert.Equal(CseRisk.Low, Tool.Score([CseIndicator.SchoolAbsence], 13).Risk);
        Assert.Equal(CseRisk.Low, Tool.Score([CseIndicator.SchoolAbsence], null).Risk);
        Assert.Equal(CseRisk.Medium, Tool.Score([], 0).Risk);
    }

    [Fact]
    public void A_child_turning_13_on_the_screening_day_is_13_and_may_be_low()
    {
        var born = new DateOnly(2013, 11, 23);
        Assert.Equal(13, ChildAge.YearsOn(born, new DateOnly(2026, 11, 23)));
        Assert.Equal(12, ChildAge.YearsOn(born, new DateOnly(2026, 11, 22)));
        Assert.Equal(CseRisk.Low, Tool.Score([], ChildAge.YearsOn(born, new DateOnly(2026, 11, 23))).Risk);
        Assert.Equal(CseRisk.Medium, Tool.Score([], ChildAge.YearsOn(born, new DateOnly(2026, 11, 22))).Risk);
    }

    [Fact]
    public void A_leap_day_birthday_counts_from_the_first_of_march_in_common_years()
    {
        var born = new DateOnly(2012, 2, 29);
        Assert.Equal(12, ChildAge.YearsOn(born, new DateOnly(2025, 2, 28)));
        Assert.Equal(13, ChildAge.YearsOn(born, new DateOnly(2025, 3, 1)));
        Assert.Equal(12, ChildAge.YearsOn(born, new DateOnly(2024, 2, 29)));
    }

    [Fact]
    public void Duplicate_indicators_count_once()
    {
        var result = Tool.Score([CseIndicator.MissingEpisodes, CseIndicator.MissingEpisodes, CseIndicator.OlderAssociates, CseIndicator.MissingEpisodes], 15);
        Assert.Equal(6, result.Score);
        Assert.Equal(CseRisk.Medium, result.Risk);
    }

    [Fact]
    public void Every_reason_is_given_in_order()
    {
        var result = Tool.Score([CseIndicator.SchoolAbsence, CseIndicator.MissingEpisodes], 12);
        Assert.Equal(
            ["score 4: missing episodes 3, school absence 1", "score 4 bands Low (Medium from 5, High from 10)", "under 13: never low"],
            result.Reasons);
    }

    [Fact]
    public void Unknown_indicators_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Tool.Score([CseIndicator.Unspecified], 15));
        Assert.Throws<ArgumentOutOfRangeException>(() => Tool.Score([(CseIndicator)99], 15));
    }

    [Fact]
    public void Weights_and_bands_come_from_configuration_over_the_defaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Weights:MissingEpisodes"] = "6",
            ["ForcesHigh:Disclosure"] = "false",
            ["MediumFrom"] = "3",
            ["HighFrom"] = "7",
        }).Build();
        var options = configuration.Get<CseScreeningOptions>()!;
        var tool = new CseScreeningTool(Options.Create(options));

        Assert.Null(options.Problem());
        Assert.Equal(6, tool.Score([CseIndicator.MissingEpisodes], 15).Score);
        Assert.Equal(CseRisk.High, tool.Score([CseIndicator.MissingEpisodes, CseIndicator.SchoolAbsence], 15).Risk);
        Assert.Equal(CseRisk.Medium, tool.Score([CseIndicator.OlderAssociates], 15).Risk);
        Assert.Equal(CseRisk.Low, tool.Score([CseIndicator.Disclosure], 15).Risk);
        Assert.Equal(CseRisk.High, tool.Score([CseIndicator.LinkedToKnownPerpetrator], 15).Risk);
    }

    [Fact]
    public void A_scoring_table_that_cannot_band_is_refused()
    {
        Assert.NotNull(new CseScreeningOptions { MediumFrom = 10, HighFrom = 5 }.Problem());
        Assert.NotNull(new CseScreeningOptions { Weights = new() { [CseIndicator.SelfHarm] = -1 } }.Problem());
        Assert.Null(new CseScreeningOptions().Problem());
    }
}
