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

    private readonly HashSet<string> _carried = [];

    /// <summary>Waits until <paramref name="from"/> has sent <paramref name="count"/> missing-episode events in all, then delivers those not yet carried, in order.</summary>
    private async Task CarryAsync(AssessmentApp from, AssessmentApp to, int count)
    {
        await Eventually.TrueAsync(() => from.Transport.Sent.Count(m => m.Topic == Topics.MissingEpisodes) >= count);
        _ = to.Services;
        foreach (var message in from.Transport.Sent.Where(m => m.Topic == Topics.MissingEpisodes && _carried.Add(m.MessageId)))
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

    [Fact]
    public async Task The_philomena_profile_reaches_police_while_the_child_is_missing_and_is_withdrawn_when_the_child_is_back()
    {
        var now = _police.Clock.GetUtcNow().UtcDateTime;
        var child = Samples.Child();
        await _socialCare.Missing().RecordPhilomenaProfileAsync(new RecordPhilomenaProfileRequest
        {
            IdempotencyKey = "p-1", Child = child, Description = "5ft 2, slim, dyed red hair, grey hoodie", PhotoReference = "LAC/2291/photo-2026-09",
            Associates = { "Older male known as 'Jay'" }, Places = { "Bus station, Worcester", "Flat above 14 High Street" }, SocialMediaHandles = { "@amy_x" },
            HealthNeeds = "Asthma: inhaler", CareProviderClientId = "childrens-home",
        }, _socialCare.As());
        var reported = await _police.Missing().ReportMissingAsync(new ReportMissingRequest
        {
            IdempotencyKey = "m-2", Child = child, ReportedAt = At(now.AddHours(-2)), ReportedBy = ReporterKind.ChildrensHome, Risk = MissingRisk.Medium, RiskRationale = "Child in care",
        }, _police.As());
        var denied = await RpcAssert.FailsWith(global::Grpc.Core.StatusCode.PermissionDenied,
            () => _police.Missing().GetPhilomenaProfileAsync(new GetPhilomenaProfileRequest { EpisodeId = reported.EpisodeId }, _police.As()).ResponseAsync);
        await CarryAsync(_police, _socialCare, 1);
        await Eventually.TrueAsync(() => _socialCare.Transport.Sent.Any(m => m.Type == Contracts.Events.V1.PhilomenaProfileReleased.Descriptor.FullName));
        await CarryAsync(_socialCare, _police, 1);

        var released = await _police.Missing().GetPhilomenaProfileAsync(new GetPhilomenaProfileRequest { EpisodeId = reported.EpisodeId }, _police.As());
        Assert.Equal(("5ft 2, slim, dyed red hair, grey hoodie", "local-social-care", reported.EpisodeId), (released.Description, released.HeldAtNode, released.ReleasedForEpisodeId));
        Assert.Equal(["@amy_x"], released.SocialMediaHandles);

        await _police.Missing().RecordReturnAsync(new RecordReturnRequest
        {
            EpisodeId = reported.EpisodeId, IdempotencyKey = "r-2", ReturnedAt = At(now.AddHours(-1)), FoundWhere = "Flat above 14 High Street", FoundBy = "PC 22",
        }, _police.As());
        var closed = await RpcAssert.FailsWith(global::Grpc.Core.StatusCode.PermissionDenied,
            () => _police.Missing().GetPhilomenaProfileAsync(new GetPhilomenaProfileRequest { EpisodeId = reported.EpisodeId }, _police.As()).ResponseAsync);
        Assert.Contains("closed", closed.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await _police.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.ReleasedProfiles)));
        var refusals = await _police.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Set<Platform.Audit.AuditEntry>().Where(a => a.Method.EndsWith("/GetPhilomenaProfile") && a.Outcome != "OK")));
        Assert.Equal(2, refusals);
        Assert.NotNull(denied);
    }

    [Fact]
    public async Task A_childrens_home_updates_only_the_episodes_of_the_children_whose_profile_names_it()
    {
        var now = _socialCare.Clock.GetUtcNow().UtcDateTime;
        var ours = Samples.Child();
        var theirs = Samples.Child();
        foreach (var (child, provider) in new[] { (ours, "childrens-home"), (theirs, "another-home") })
        {
            await _socialCare.Missing().RecordPhilomenaProfileAsync(new RecordPhilomenaProfileRequest
            {
                IdempotencyKey = "p-" + provider, Child = child, Description = "Described", CareProviderClientId = provider,
            }, _socialCare.As());
        }

        var home = _socialCare.As("childrens-home", Platform.Auth.AgencyNames.ChildrenSocialCare, Platform.Auth.MashRoles.MissingReport, Platform.Auth.MashRoles.MissingCarer);
        ReportMissingRequest Report(Contracts.Common.V1.ChildIdentity child) => new()
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"), Child = child, ReportedAt = At(now.AddMinutes(-30)), ReportedBy = ReporterKind.ChildrensHome,
            Risk = MissingRisk.Medium, RiskRationale = "Not back by curfew",
        };

        var reported = await _socialCare.Missing().ReportMissingAsync(Report(ours), home);
        await RpcAssert.FailsWith(global::Grpc.Core.StatusCode.PermissionDenied, () => _socialCare.Missing().ReportMissingAsync(Report(theirs), home).ResponseAsync);
        var other = await _socialCare.Missing().ReportMissingAsync(Report(theirs), _socialCare.As());
        await RpcAssert.FailsWith(global::Grpc.Core.StatusCode.PermissionDenied, () => _socialCare.Missing().RecordReturnAsync(new RecordReturnRequest
        {
            EpisodeId = other.EpisodeId, IdempotencyKey = Guid.NewGuid().ToString("N"), ReturnedAt = At(now), FoundWhere = "Home",
        }, home).ResponseAsync);
        Assert.True(reported.MissingNow);
    }
}
