using Google.Protobuf.WellKnownTypes;
using Mash.Assessment.Tests.Support;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Investigation.V1;
using Mash.Platform.Eventing;

namespace Mash.Assessment.Tests.Functional;

/// <summary>The daily high-risk list shows this node's stalled investigations of a child, each gap with how long it has lasted.</summary>
public sealed class StalledInvestigationTests : IDisposable
{
    private readonly AssessmentApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<List<HighRiskChild>> DailyListAsync() =>
        [.. (await _app.Client().ListDailyHighRiskAsync(new ListDailyHighRiskRequest { Page = new PageRequest { PageSize = 200 } }, _app.As())).Children];

    private Task<Mash.Testing.Eventing.RecordedDelivery> StallsAsync(ChildIdentity child, params Stall[] stalls) =>
        _app.DeliverAsync(Topics.InvestigationStalls, AssessmentApp.Envelope(new InvestigationStallsChanged
        {
            InvestigationId = "inv_1", Team = "CSE team", Officer = "DC Ahmed", HighRiskBecause = { "strategy decision: s47 enquiries (significant harm)" },
            Stalls = { stalls },
        }, _app.ChildKey(child), AssessmentApp.NodeId, Agency.Police, _app.Clock.GetUtcNow(), LawfulBasis.LawEnforcement));

    [Fact]
    public async Task A_stalled_investigation_puts_the_child_on_the_daily_list_with_each_gap_and_its_length_and_takes_her_off_when_it_moves()
    {
        var child = Samples.Child();
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        var since = Timestamp.FromDateTime(now.AddDays(-240));

        await StallsAsync(child,
            new Stall { Reason = StallReason.NoAbeInterview, Since = since },
            new Stall { Reason = StallReason.NoSafeguardingMeasure, Since = since });

        var listed = Assert.Single(await DailyListAsync(), c => c.ChildKey == _app.ChildKey(child));
        Assert.Contains(
            $"Investigation inv_1 (CSE team, DC Ahmed) stalled: no achieving-best-evidence interview for 240 days (since {now.AddDays(-240):yyyy-MM-dd}); "
            + $"no safeguarding measure for 240 days (since {now.AddDays(-240):yyyy-MM-dd})", listed.Reasons);

        _app.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Contains(Assert.Single(await DailyListAsync(), c => c.ChildKey == _app.ChildKey(child)).Reasons,
            r => r.Contains("interview for 243 days", StringComparison.Ordinal));

        await StallsAsync(child);
        Assert.DoesNotContain(await DailyListAsync(), c => c.ChildKey == _app.ChildKey(child));
    }
}
