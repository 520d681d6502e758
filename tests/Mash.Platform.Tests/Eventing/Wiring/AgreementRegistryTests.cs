using Mash.Contracts.Governance.V1;
using Mash.Platform.Eventing.Agreements;

namespace Mash.Platform.Tests.Eventing.Wiring;

public sealed class AgreementRegistryTests
{
    private static AgreementSettings Settings(string id, string partner, string from, string to, params string[] categories) => new()
    {
        Id = id, PartnerNode = partner, ValidFrom = from, ValidTo = to, LawfulBasis = "LAWFUL_BASIS_PUBLIC_TASK",
        Categories = categories.Length > 0 ? [.. categories] : ["CseFlag", "RiskChange"],
    };

    private static AgreementRegistry Registry(params AgreementSettings[] agreements) =>
        AgreementRegistry.From(new AgreementOptions { Registry = [.. agreements] });

    [Theory]
    [InlineData("2026-03-31", true)] // the first day
    [InlineData("2027-03-31", true)] // the last day
    [InlineData("2026-03-30", false)]
    [InlineData("2027-04-01", false)]
    public void An_agreement_is_in_force_from_its_first_to_its_last_day_inclusive(string day, bool shared)
    {
        var registry = Registry(Settings("ISA-1", "social-care", "2026-03-31", "2027-03-31"));

        var decision = registry.DecideFor("social-care", DataCategory.CseFlag, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(shared, decision.Shared);
    }

    [Fact]
    public void After_an_agreement_ends_nothing_is_shared_and_the_reason_names_it_and_its_last_day()
    {
        var registry = Registry(Settings("ISA-2025", "social-care", "2025-01-01", "2026-06-30"));

        var decision = registry.DecideFor("social-care", DataCategory.CseFlag, new DateOnly(2026, 12, 2));

        Assert.False(decision.Shared);
        Assert.Equal("No agreement in force with node 'social-care' for CSE flags: agreement 'ISA-2025' ended on 2026-06-30.", decision.Reason);
    }

    [Fact]
    public void An_agreement_shares_only_the_categories_it_names()
    {
        var registry = Registry(Settings("ISA-1", "health", "2026-01-01", "2026-12-31", "StrategyRecord"));

        Assert.True(registry.DecideFor("health", DataCategory.StrategyRecord, new DateOnly(2026, 6, 1)).Shared);
        var flag = registry.DecideFor("health", DataCategory.CseFlag, new DateOnly(2026, 6, 1));
        Assert.False(flag.Shared);
        Assert.Equal("No agreement in force with node 'health' for CSE flags.", flag.Reason);
    }

    [Fact]
    public void Each_partner_gets_its_own_decision_and_a_renewal_takes_over_from_the_lapsed_agreement()
    {
        var registry = Registry(
            Settings("ISA-OLD", "social-care", "2024-01-01", "2025-12-31"),
            Settings("ISA-NEW", "social-care", "2026-01-01", "2028-12-31"),
            Settings("ISA-HEALTH", "health", "2024-01-01", "2026-05-31"));

        var decisions = registry.Decide(DataCategory.RiskChange, new DateOnly(2026, 12, 2));

        Assert.Equal([("health", false), ("social-care", true)], decisions.Select(d => (d.PartnerNode, d.Shared)));
        Assert.Equal("ISA-NEW", decisions[1].Agreement!.Id);
    }

    [Fact]
    public void Agreements_ending_within_the_warning_period_are_listed_as_ending_soon()
    {
        var registry = Registry(
            Settings("ENDS-IN-30-DAYS", "a", "2026-01-01", "2027-01-01"),
            Settings("ENDS-IN-31-DAYS", "b", "2026-01-01", "2027-01-02"),
            Settings("ENDED", "c", "2026-01-01", "2026-12-01"));

        Assert.Equal(["ENDS-IN-30-DAYS"], registry.EndingSoon(new DateOnly(2026, 12, 2)).Select(a => a.Id));
    }

    [Fact]
    public void A_malformed_registry_is_refused_naming_every_problem()
    {
        var options = new AgreementOptions
        {
            Registry =
            [
                Settings("ISA-1", "social-care", "2026-13-01", "2026-01-01"),
                Settings("ISA-1", "", "2026-01-01", "2025-01-01", "Gossip"),
            ],
        };
        options.Registry[1].LawfulBasis = "because";

        var problems = AgreementRegistry.Problems(options);

        Assert.Contains(problems, p => p.Contains("Registry:0:ValidFrom '2026-13-01' is not a date", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Registry:1:PartnerNode is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Registry:1:Categories 'Gossip' is not one of", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Registry:1:LawfulBasis 'because'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Registry:1:ValidTo is before ValidFrom", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("agreement id 'ISA-1' is used 2 times", StringComparison.Ordinal));
        Assert.Throws<InvalidOperationException>(() => AgreementRegistry.From(options));
    }

    [Fact]
    public void Every_partner_topic_has_a_data_category()
    {
        var partnerTopics = typeof(Mash.Platform.Eventing.Topics).GetFields()
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)
            .Where(Mash.Platform.Eventing.Topics.IsSharedWithPartners);

        Assert.All(partnerTopics, topic => Assert.NotEqual(DataCategory.Unspecified, DataCategories.OfTopic(topic)));
    }
}
