using Mash.Assessment.Tests.Support;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Eventing;
using Microsoft.EntityFrameworkCore;

namespace Mash.Assessment.Tests.Functional;

public sealed class DailyHighRiskTests : IDisposable
{
    private readonly AssessmentApp _app = new();

    [Fact]
    public async Task The_daily_list_holds_children_at_high_risk_here_or_at_a_partner_with_the_reasons()
    {
        var client = _app.Client();
        var flagged = Samples.Child(givenName: "Flagged");
        var flag = await client.RaiseCseFlagAsync(Samples.Raise(flagged, "high"), _app.As());
        var partnerVeryHigh = Samples.Child(givenName: "PartnerVeryHigh");
        await _app.DeliverPartnerAsync(Topics.RiskChanges, Samples.PartnerLevel(RiskLevel.VeryHigh, AssessmentApp.MondayMorning.AddDays(-1)),
            partnerVeryHigh, "worcestershire-health", Agency.Health, AssessmentApp.MondayMorning.AddDays(-1));
        var medium = Samples.Child(givenName: "Medium");
        await client.RaiseCseFlagAsync(Samples.Raise(medium, "medium", CseRisk.Medium), _app.As());
        var partnerCleared = Samples.Child(givenName: "PartnerCleared");
        await _app.DeliverPartnerAsync(Topics.CseFlags, Samples.PartnerFlag("cse_p", FlagAction.Raised, CseRisk.High, AssessmentApp.MondayMorning.AddDays(-3)),
            partnerCleared, "west-mercia-police", Agency.Police, AssessmentApp.MondayMorning.AddDays(-3));
        await _app.DeliverPartnerAsync(Topics.CseFlags, Samples.PartnerFlag("cse_p", FlagAction.Cleared, CseRisk.High, AssessmentApp.MondayMorning.AddDays(-2)),
            partnerCleared, "west-mercia-police", Agency.Police, AssessmentApp.MondayMorning.AddDays(-2));
        var partnerHighFlag = Samples.Child(givenName: "PartnerHighFlag");
        await _app.DeliverPartnerAsync(Topics.CseFlags, Samples.PartnerFlag("cse_q", FlagAction.Raised, CseRisk.High, new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero)),
            partnerHighFlag, "west-mercia-police", Agency.Police, new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        var assessedVeryHigh = Samples.Child(givenName: "AssessedVeryHigh");
        var assessment = await _app.StartAssessmentAsync(assessedVeryHigh);
        await client.RecordCheckAsync(new RecordCheckRequest { AssessmentId = assessment, Agency = Agency.Health, Result = "Sexual health clinic attendances." }, _app.As());
        await client.CompleteAssessmentAsync(new CompleteAssessmentRequest { AssessmentId = assessment, RiskLevel = RiskLevel.VeryHigh, Rag = Rag.Red, Rationale = "r" }, _app.As());

        var list = await client.ListDailyHighRiskAsync(new ListDailyHighRiskRequest(), _app.As());

        var byKey = list.Children.ToDictionary(c => c.ChildKey);
        Assert.Equal(4, list.Children.Count);
        Assert.DoesNotContain(_app.ChildKey(medium), byKey.Keys);
        Assert.DoesNotContain(_app.ChildKey(partnerCleared), byKey.Keys);
        // Very high first.
        Assert.Equal(RiskLevel.VeryHigh, list.Children[0].RiskLevel);
        Assert.Equal(RiskLevel.VeryHigh, list.Children[1].RiskLevel);

        var local = byKey[_app.ChildKey(flagged)];
        Assert.Equal(CseRisk.High, local.CseRisk);
        Assert.Equal("Flagged", local.Child.GivenName);
        Assert.Equal([$"High CSE flag {flag.FlagId} raised on this node on 2026-11-23"], local.Reasons);

        var shared = byKey[_app.ChildKey(partnerVeryHigh)];
        Assert.Null(shared.Child);
        Assert.Equal(["Risk level VERY_HIGH from health node 'worcestershire-health' on 2026-11-22"], shared.Reasons);
        Assert.Equal(["High CSE flag raised by police node 'west-mercia-police' on 2026-11-20"], byKey[_app.ChildKey(partnerHighFlag)].Reasons);
        Assert.Equal([$"Risk level VERY_HIGH from local assessment {assessment}"], byKey[_app.ChildKey(assessedVeryHigh)].Reasons);
        Assert.Equal("AssessedVeryHigh", byKey[_app.ChildKey(assessedVeryHigh)].Child.GivenName);

        var listed = await _app.WithDbAsync(db => db.AuditEntries.Where(e => e.RecordId == "daily-high-risk").Select(e => e.ChildKey).ToListAsync());
        Assert.Equal(byKey.Keys.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_daily_list_pages()
    {
        for (var i = 0; i < 3; i++)
        {
            await _app.Client().RaiseCseFlagAsync(Samples.Raise(Samples.Child(), $"page-{i}"), _app.As());
        }

        var keys = new List<string>();
        var token = "";
        do
        {
            var page = await _app.Client().ListDailyHighRiskAsync(new ListDailyHighRiskRequest { Page = new PageRequest { PageSize = 2, PageToken = token } }, _app.As());
            Assert.InRange(page.Children.Count, 1, 2);
            keys.AddRange(page.Children.Select(c => c.ChildKey));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(3, keys.Distinct().Count());
    }

    public void Dispose() => _app.Dispose();
}
