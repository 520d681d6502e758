using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Strategy.V1;
using Mash.StrategyDiscussion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Mash.StrategyDiscussion.Tests.Functional;

/// <summary>
/// A partner node's concluded discussion reaches this police node when police took part, and is
/// attached to this node's child by the child key: the review found minutes missing from police records.
/// </summary>
public sealed class PartnerDiscussionTests(StrategyApp app) : IClassFixture<StrategyApp>
{
    private const string SocialCareNode = "worcestershire-social-care";

    private StrategyDiscussionConcluded Concluded(params Agency[] participating)
    {
        var heldAt = app.Clock.GetUtcNow().AddHours(-2);
        var discussion = new Contracts.Strategy.V1.StrategyDiscussion
        {
            DiscussionId = "dsc_" + Guid.CreateVersion7().ToString("N"),
            Status = DiscussionStatus.Concluded,
            Trigger = DiscussionTrigger.SignificantHarmSuspected,
            Reason = "Assessment concluded significant harm suspected.",
            RequiredAt = Timestamp.FromDateTimeOffset(heldAt.AddHours(-5)),
            DueAt = Timestamp.FromDateTimeOffset(heldAt.AddDays(2)),
            Format = DiscussionFormat.Call,
            Participants = { participating.Select(a => Samples.Attended(a)) },
            Decisions = Samples.Decisions(heldAt, s47: true, TimeSpan.FromDays(1)),
            Minutes = new Minutes { Text = "Joint enquiry agreed.", DocumentReference = "LCS-777" },
            HeldAt = Timestamp.FromDateTimeOffset(heldAt),
            ConferenceDueAt = Timestamp.FromDateTimeOffset(heldAt.AddDays(21)),
            HeldByNode = SocialCareNode,
            HeldByAgency = Agency.ChildrenSocialCare,
            ChildMatch = ChildMatchStatus.Confirmed,
        };
        discussion.Decisions.Actions[0].ActionId = "act_" + Guid.CreateVersion7().ToString("N");
        return new StrategyDiscussionConcluded { Discussion = discussion, ParticipatingAgencies = { participating } };
    }

    [Fact]
    public async Task A_discussion_police_took_part_in_is_kept_and_listed_by_the_childs_nhs_number()
    {
        var child = Samples.Child();
        var concluded = Concluded(Agency.ChildrenSocialCare, Agency.Health, Agency.Police);

        var delivery = await app.DeliverPartnerAsync(concluded, child, SocialCareNode, Agency.ChildrenSocialCare);

        Assert.Equal("completed", delivery.Settlement);
        var lookedUp = new ChildIdentity { NhsNumber = child.NhsNumber };
        var listed = (await app.Client().ListDiscussionsAsync(new ListDiscussionsRequest { Child = lookedUp }, app.As("police-mash", "police"))).Discussions;
        var kept = Assert.Single(listed);
        Assert.Equal(concluded.Discussion.DiscussionId, kept.DiscussionId);
        Assert.Equal((SocialCareNode, Agency.ChildrenSocialCare), (kept.HeldByNode, kept.HeldByAgency));
        // Attached to the child as the officer looked them up.
        Assert.Equal((lookedUp, ChildMatchStatus.Confirmed), (kept.Child, kept.ChildMatch));
        Assert.Equal(DiscussionStatus.Concluded, kept.Status);
        Assert.Equal(concluded.Discussion.Minutes, kept.Minutes);
        Assert.Equal(concluded.Discussion.Decisions.Actions[0].ActionId, kept.Decisions.Actions[0].ActionId);
        Assert.Equal(concluded.Discussion.Decisions.InformationShared, kept.Decisions.InformationShared);
        Assert.Equal(concluded.Discussion.ConferenceDueAt, kept.ConferenceDueAt);
        Assert.Equal(concluded.Discussion.Participants, kept.Participants);

        // The partner's record, read-only here.
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => app.Client().CompleteActionAsync(
            new CompleteActionRequest { DiscussionId = kept.DiscussionId, ActionId = kept.Decisions.Actions[0].ActionId }, app.As()).ResponseAsync);
        var entry = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.RecordId == kept.DiscussionId && e.Method.StartsWith("event:")));
        Assert.Equal(("node:" + SocialCareNode, app.ChildKey(child)), (entry.ClientId, entry.ChildKey));
    }

    [Fact]
    public async Task A_discussion_police_did_not_take_part_in_is_not_kept()
    {
        var child = Samples.Child();
        var concluded = Concluded(Agency.ChildrenSocialCare, Agency.Health);

        var delivery = await app.DeliverPartnerAsync(concluded, child, SocialCareNode, Agency.ChildrenSocialCare);

        Assert.Equal("completed", delivery.Settlement);
        Assert.False(await app.WithDbAsync(db => db.Discussions.AnyAsync(d => d.Id == concluded.Discussion.DiscussionId)));
        Assert.Empty((await app.Client().ListDiscussionsAsync(new ListDiscussionsRequest { Child = child }, app.As())).Discussions);
    }

    [Fact]
    public async Task The_same_discussion_delivered_twice_is_kept_once()
    {
        var child = Samples.Child();
        var concluded = Concluded(Agency.ChildrenSocialCare, Agency.Health, Agency.Police);
        await app.DeliverPartnerAsync(concluded, child, SocialCareNode, Agency.ChildrenSocialCare);
        Assert.Equal("completed", (await app.DeliverPartnerAsync(concluded, child, SocialCareNode, Agency.ChildrenSocialCare)).Settlement);

        Assert.Single((await app.Client().ListDiscussionsAsync(new ListDiscussionsRequest { Child = child }, app.As())).Discussions);
    }

    [Fact]
    public async Task A_partners_discussion_is_named_as_this_node_knows_the_child_and_unconfirmed_where_it_does_not()
    {
        var known = Samples.Child("Kim");
        var unknown = Samples.Child("Lee");
        var first = Concluded(Agency.ChildrenSocialCare, Agency.Health, Agency.Police);
        var second = Concluded(Agency.ChildrenSocialCare, Agency.Health, Agency.Police);
        await app.DeliverPartnerAsync(first, known, SocialCareNode, Agency.ChildrenSocialCare);
        await app.DeliverPartnerAsync(second, unknown, SocialCareNode, Agency.ChildrenSocialCare);

        // This node's Assessment service recorded Kim (police raised a flag on her), after the minutes arrived.
        var recorded = new ChildRecorded { Child = known, RecordedAt = Timestamp.FromDateTimeOffset(app.Clock.GetUtcNow()) };
        Assert.Equal("completed", (await app.DeliverAsync(Mash.Platform.Eventing.Topics.ChildRecords,
            Mash.Testing.Eventing.Envelopes.For(recorded, app.ChildKey(known), StrategyApp.NodeId, Agency.Police, app.Clock.GetUtcNow(), LawfulBasis.LawEnforcement))).Settlement);

        var named = await app.Client().GetDiscussionAsync(new GetDiscussionRequest { DiscussionId = first.Discussion.DiscussionId }, app.As());
        var unnamed = await app.Client().GetDiscussionAsync(new GetDiscussionRequest { DiscussionId = second.Discussion.DiscussionId }, app.As());

        Assert.Equal((known, ChildMatchStatus.Confirmed), (named.Child, named.ChildMatch));
        Assert.Equal((null, ChildMatchStatus.Unconfirmed), (unnamed.Child, unnamed.ChildMatch));
    }
}
