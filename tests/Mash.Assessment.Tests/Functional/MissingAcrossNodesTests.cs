using Google.Protobuf.WellKnownTypes;
using Mash.Assessment.Tests.Support;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Missing.V1;
using Mash.Platform.Eventing;
using Mash.Testing.Eventing;

namespace Mash.Assessment.Tests.Functional;

/// <summary>
/// An episode reported at the police node reaches the social care node's copy; the return social care
/// records there comes back to the police copy; each node applies the other's updates in order.
/// </summary>
public sealed class MissingAcrossNodesTests : IDisposable
{
    private readonly AssessmentApp _police = new();
    private readonly AssessmentApp _socialCare = new(null, nodeId: "local-social-care");

    public void Dispose()
    {
        _police.Dispose();
        _socialCare.Dispose();
    }

    private static Timestamp At(DateTime utc) => Timestamp.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    private static async Task CarryAsync(AssessmentApp from, AssessmentApp to, int count)
    {
        await Eventually.TrueAsync(() => from.Transport.Sent.Count(m => m.Topic == Topics.MissingEpisodes) >= count);
        _ = to.Services;
        foreach (var message in from.Transport.Sent.Where(m => m.Topic == Topics.MissingEpisodes).Skip(count - 1).Take(1))
        {
            Assert.Equal("completed", (await to.Transport.DeliverAsync(message)).Settlement);
        }
    }

    [Fact]
    public async Task An_episode_reported_at_police_is_visible_at_social_care_and_the_return_recorded_there_comes_back()
    {
        var now = _police.Clock.GetUtcNow().UtcDateTime;
        var child = Samples.Child();
        var reported = await _police.Missing().ReportMissingAsync(new ReportMissingRequest
        {
            IdempotencyKey = "m-1", Child = child, ReportedAt = At(now.AddHours(-4)), ReportedBy = ReporterKind.ChildrensHome,
            Risk = MissingRisk.High, RiskRationale = "Child in care with a high CSE flag elsewhere",
        }, _police.As());
        await CarryAsync(_police, _socialCare, 1);

        var copy = await _socialCare.Missing().GetMissingEpisodeAsync(new GetMissingEpisodeRequest { EpisodeId = reported.EpisodeId }, _socialCare.As());
        Assert.Equal((AssessmentApp.NodeId, MissingRisk.High, true), (copy.ReportedAtNode, copy.Risk, copy.MissingNow));
        var profile = await _socialCare.Client().GetChildRiskProfileAsync(new GetChildRiskProfileRequest { Child = child }, _socialCare.As());
        Assert.Equal(reported.EpisodeId, Assert.Single(profile.MissingEpisodes).EpisodeId);

        await _socialCare.Missing().RecordReturnAsync(new RecordReturnRequest
        {
            EpisodeId = reported.EpisodeId, IdempotencyKey = "r-1", ReturnedAt = At(now.AddHours(-1)), FoundWhere = "Returned to Oak House by themselves",
        }, _socialCare.As());
        await CarryAsync(_socialCare, _police, 1);

        var back = await _police.Missing().GetMissingEpisodeAsync(new GetMissingEpisodeRequest { EpisodeId = reported.EpisodeId }, _police.As());
        Assert.Equal((false, "Returned to Oak House by themselves"), (back.MissingNow, back.FoundWhere));
        Assert.Equal(At(now.AddHours(71)), back.Interview.DueAt);
    }
}
