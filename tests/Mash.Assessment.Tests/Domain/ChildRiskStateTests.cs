using Mash.Assessment.Domain;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;

namespace Mash.Assessment.Tests.Domain;

public sealed class ChildRiskStateTests
{
    private static readonly DateTime Day1 = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);

    private static PartnerSignal Flag(long seq, string node, string flag, FlagAction action, CseRisk risk, DateTime at) =>
        new(seq, node, Agency.Police, at, flag, action, risk);

    private static PartnerSignal Level(long seq, string node, RiskLevel level, DateTime at) =>
        new(seq, node, Agency.Health, at, RiskLevel: level);

    [Fact]
    public void A_partner_flag_counts_until_the_partner_clears_it()
    {
        var raised = Flag(1, "west-mercia-police", "f1", FlagAction.Raised, CseRisk.High, Day1);
        var before = ChildRiskState.Summarise([], null, [raised]);
        Assert.Equal(CseRisk.High, before.HighestCseRisk);
        Assert.Equal(["High CSE flag raised by police node 'west-mercia-police' on 2026-11-20"], before.HighRiskReasons);

        var after = ChildRiskState.Summarise([], null, [raised, Flag(2, "west-mercia-police", "f1", FlagAction.Cleared, CseRisk.High, Day1.AddDays(1))]);
        Assert.Equal(CseRisk.Unspecified, after.HighestCseRisk);
        Assert.False(after.IsHighRisk);
    }

    [Fact]
    public void Events_are_ordered_by_when_they_occurred_not_when_they_arrived()
    {
        // The clearance arrived first, the raise it clears second.
        var cleared = Flag(1, "node-a", "f1", FlagAction.Cleared, CseRisk.High, Day1.AddDays(1));
        var raised = Flag(2, "node-a", "f1", FlagAction.Raised, CseRisk.High, Day1);
        Assert.Equal(CseRisk.Unspecified, ChildRiskState.Summarise([], null, [cleared, raised]).HighestCseRisk);
    }

    [Fact]
    public void Each_partner_nodes_latest_risk_level_replaces_its_earlier_ones_and_the_highest_node_wins()
    {
        var summary = ChildRiskState.Summarise([], new LocalLevelSignal("asm_1", RiskLevel.Medium, Day1), [
            Level(1, "health-node", RiskLevel.VeryHigh, Day1),
            Level(2, "health-node", RiskLevel.Low, Day1.AddDays(2)),
            Level(3, "health-node-b", RiskLevel.High, Day1.AddDays(1)),
        ]);

        Assert.Equal(RiskLevel.High, summary.HighestRiskLevel);
        Assert.Equal(["Risk level HIGH from health node 'health-node-b' on 2026-11-21"], summary.HighRiskReasons);
    }

    [Fact]
    public void Local_high_flags_and_levels_are_named_with_their_records()
    {
        var summary = ChildRiskState.Summarise(
            [new LocalFlagSignal("cse_1", CseRisk.High, FlagAction.Reviewed, Day1)],
            new LocalLevelSignal("asm_9", RiskLevel.VeryHigh, Day1), []);

        Assert.Equal(CseRisk.High, summary.HighestCseRisk);
        Assert.Equal(RiskLevel.VeryHigh, summary.HighestRiskLevel);
        Assert.Equal(4, summary.Severity);
        Assert.Equal(["High CSE flag cse_1 reviewed on this node on 2026-11-20", "Risk level VERY_HIGH from local assessment asm_9"], summary.HighRiskReasons);
    }

    [Fact]
    public void Medium_risks_count_towards_the_highest_but_are_not_high_risk()
    {
        var summary = ChildRiskState.Summarise([new LocalFlagSignal("cse_2", CseRisk.Medium, FlagAction.Raised, Day1)], null, []);
        Assert.Equal(CseRisk.Medium, summary.HighestCseRisk);
        Assert.False(summary.IsHighRisk);
    }
}
