using Mash.Testing.Postgres;
using Google.Protobuf.WellKnownTypes;
using Mash.Assessment.Tests.Support;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Strategy.V1;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Eventing.Telemetry;
using Mash.Platform.Identity;
using Mash.Testing.Telemetry;
using Mash.Testing.Eventing;
using Microsoft.EntityFrameworkCore;

namespace Mash.Assessment.Tests.Functional;

/// <summary>
/// The child's record at this node: the risk profile lists the strategy discussions about the child
/// (held here or shared by partners), and what partners shared and what this node shared carry their
/// delivery receipts.
/// </summary>
public sealed class ChildRecordTests(AssessmentApp app) : ChildRecordScenarios(app), IClassFixture<AssessmentApp>;

/// <summary>The same on PostgreSQL.</summary>
public sealed class ChildRecordPostgreSqlTests(AssessmentPostgreSqlApp app) : ChildRecordScenarios(PostgreSqlFixture.Require(app)), IClassFixture<AssessmentPostgreSqlApp>;

public abstract class ChildRecordScenarios(AssessmentApp app)
{
    private const string SocialCare = "worcestershire-social-care";

    private Task<ChildRiskProfile> ProfileAsync(ChildIdentity child) =>
        app.Client().GetChildRiskProfileAsync(new GetChildRiskProfileRequest { Child = new ChildIdentity { NhsNumber = child.NhsNumber } }, app.As()).ResponseAsync;

    private Task<RecordedDelivery> RecordedAsync(ChildIdentity child, StrategyDiscussionRecorded recorded, DateTimeOffset at) =>
        app.DeliverAsync(Topics.StrategyRecords, AssessmentApp.Envelope(recorded, app.ChildKey(child), AssessmentApp.NodeId, Agency.Police, at, LawfulBasis.SafeguardingOfChildren));

    private static StrategyDiscussionRecorded Discussion(string id, DiscussionStatus status, DateTimeOffset requiredAt, string heldBy, DateTimeOffset? heldAt = null) => new()
    {
        DiscussionId = id,
        Status = status,
        Trigger = DiscussionTrigger.ReferralDecision,
        RequiredAt = Timestamp.FromDateTimeOffset(requiredAt),
        DueAt = Timestamp.FromDateTimeOffset(requiredAt.AddHours(24)),
        HeldAt = heldAt is { } held ? Timestamp.FromDateTimeOffset(held) : null,
        MinutesReference = heldAt is null ? "" : "LCS-" + id,
        HeldByNode = heldBy,
        HeldByAgency = heldBy == SocialCare ? Agency.ChildrenSocialCare : Agency.Police,
    };

    [SkippableFact]
    public async Task The_profile_lists_the_childs_discussions_required_first_then_held_with_minutes_reference_and_holding_node()
    {
        var child = Samples.Child();
        var now = app.Clock.GetUtcNow();
        await RecordedAsync(child, Discussion("dsc_old", DiscussionStatus.Concluded, now.AddDays(-20), SocialCare, now.AddDays(-19)), now.AddDays(-19));
        await RecordedAsync(child, Discussion("dsc_late", DiscussionStatus.Required, now.AddDays(-3), SocialCare), now.AddDays(-3));
        await RecordedAsync(child, Discussion("dsc_mine", DiscussionStatus.Required, now.AddHours(-1), AssessmentApp.NodeId), now.AddHours(-1));
        // Held since: the newer state replaces the required one; an older one delivered late changes nothing.
        await RecordedAsync(child, Discussion("dsc_mine", DiscussionStatus.Concluded, now.AddHours(-1), AssessmentApp.NodeId, now), now);
        await RecordedAsync(child, Discussion("dsc_mine", DiscussionStatus.Required, now.AddHours(-1), AssessmentApp.NodeId), now.AddMinutes(-30));

        var profile = await ProfileAsync(child);

        Assert.Equal(["dsc_late", "dsc_mine", "dsc_old"], profile.Discussions.Select(d => d.DiscussionId));
        var late = profile.Discussions[0];
        Assert.Equal((DiscussionStatus.Required, true, SocialCare, Agency.ChildrenSocialCare), (late.Status, late.Overdue, late.HeldByNode, late.HeldByAgency));
        var mine = profile.Discussions[1];
        Assert.Equal((DiscussionStatus.Concluded, false, "LCS-dsc_mine"), (mine.Status, mine.Overdue, mine.MinutesReference));
        Assert.Empty((await ProfileAsync(Samples.Child())).Discussions);
    }

    [SkippableFact]
    public async Task Storing_a_partners_flag_answers_with_a_receipt_and_a_receipt_for_ours_shows_on_the_flag()
    {
        var child = Samples.Child();
        var at = app.Clock.GetUtcNow();
        var partnerEvent = AssessmentApp.Envelope(Samples.PartnerFlag("cse_sc_1", FlagAction.Raised, CseRisk.Medium, at), app.ChildKey(child), SocialCare, Agency.ChildrenSocialCare, at, LawfulBasis.SafeguardingOfChildren);
        await app.DeliverAsync(Topics.CseFlags, partnerEvent);

        var childKey = app.ChildKey(child);
        var sent = await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.SessionId == childKey && m.Topic == Topics.DeliveryReceipts).ToListAsync());
        var receiptEnvelope = EventEnvelope.Parser.ParseFrom(Assert.Single(sent).Envelope);
        Assert.Equal((SocialCare, partnerEvent.EventId), (receiptEnvelope.DestinationNode, receiptEnvelope.Payload.Unpack<DeliveryReceipt>().EventId));

        // Our own flag on the same child, shared; the social care node answers.
        var flag = await app.Client().RaiseCseFlagAsync(Samples.Raise(child, risk: CseRisk.Medium), app.As());
        var shared = EventEnvelope.Parser.ParseFrom((await app.WithDbAsync(db => db.Set<OutboxMessage>()
            .SingleAsync(m => m.SessionId == childKey && m.Type == CseFlagChanged.Descriptor.FullName))).Envelope);
        var receipt = new DeliveryReceipt { EventId = shared.EventId, EventType = shared.Type, StoredAt = Timestamp.FromDateTimeOffset(at) };
        var answer = AssessmentApp.Envelope(receipt, childKey, SocialCare, Agency.ChildrenSocialCare, at, LawfulBasis.SafeguardingOfChildren);
        answer.DestinationNode = AssessmentApp.NodeId;
        await app.DeliverAsync(Topics.DeliveryReceipts, answer);

        var held = Assert.Single(Assert.Single((await ProfileAsync(child)).LocalFlags, f => f.FlagId == flag.FlagId).HeldByPartners);
        Assert.Equal((SocialCare, Agency.ChildrenSocialCare), (held.Node, held.Agency));
        // The first flag on the child tells the node's other services who the child is; a second would not.
        Assert.Single(await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.SessionId == childKey && m.Topic == Topics.ChildRecords).ToListAsync()));
    }

    [SkippableFact]
    public async Task A_child_only_a_partner_flagged_is_named_on_the_daily_list_as_this_node_knows_them()
    {
        var child = Samples.Child(givenName: "Nia");
        var at = app.Clock.GetUtcNow();
        await app.DeliverPartnerAsync(Topics.CseFlags, Samples.PartnerFlag("cse_sc_nia", FlagAction.Raised, CseRisk.High, at), child, SocialCare, Agency.ChildrenSocialCare, at);
        async Task<HighRiskChild> OnListAsync()
        {
            var listed = new List<HighRiskChild>();
            var page = new Contracts.Common.V1.PageRequest { PageSize = 200 };
            ListDailyHighRiskResponse response;
            do
            {
                response = await app.Client().ListDailyHighRiskAsync(new ListDailyHighRiskRequest { Page = page }, app.As());
                listed.AddRange(response.Children);
                page = new Contracts.Common.V1.PageRequest { PageSize = 200, PageToken = response.NextPageToken };
            }
            while (response.NextPageToken.Length > 0);
            return listed.Single(c => c.ChildKey == app.ChildKey(child));
        }

        Assert.Null((await OnListAsync()).Child);

        // This node's Referral service records the child (a referral about her was made here).
        var recorded = new ChildRecorded { Child = child, RecordedAt = Timestamp.FromDateTimeOffset(at) };
        await app.DeliverAsync(Topics.ChildRecords, AssessmentApp.Envelope(recorded, app.ChildKey(child), AssessmentApp.NodeId, Agency.Police, at, LawfulBasis.PublicTask));

        Assert.Equal("Nia", (await OnListAsync()).Child.GivenName);
    }

    [SkippableFact]
    public async Task Children_recorded_together_are_each_known_by_their_latest_identity_whether_new_known_or_twice_in_the_batch()
    {
        var at = app.Clock.GetUtcNow();
        EventEnvelope Recorded(ChildIdentity child, string givenName, DateTimeOffset recordedAt) => AssessmentApp.Envelope(
            new ChildRecorded { Child = new ChildIdentity(child) { GivenName = givenName }, RecordedAt = Timestamp.FromDateTimeOffset(recordedAt) },
            app.ChildKey(child), AssessmentApp.NodeId, Agency.Police, at, LawfulBasis.PublicTask);
        var known = Samples.Child(givenName: "Known");
        var renamed = Samples.Child(givenName: "Twice");
        var keptFirst = Samples.Child(givenName: "First");
        var fresh = Samples.Child(givenName: "Fresh");
        await app.DeliverAsync(Topics.ChildRecords, Recorded(known, "Known", at.AddDays(-1)));
        using var groups = AppMetrics.Collect<long>(app.Services, EventingMetrics.BatchGroups);

        var delivery = await app.DeliverBatchAsync(Topics.ChildRecords,
            Recorded(known, "Known-renamed", at),
            Recorded(renamed, "Twice-early", at.AddMinutes(-5)), Recorded(fresh, "Fresh", at), Recorded(renamed, "Twice-late", at),
            // Twice, the later record first: the earlier one, applied after it, does not replace it.
            Recorded(keptFirst, "First-late", at), Recorded(keptFirst, "First-early", at.AddMinutes(-5)));

        Assert.Equal("completed", delivery.Settlement);
        // In one transaction: not each event alone after the group failed.
        Assert.Equal("together", Assert.Single(groups.GetMeasurementSnapshot()).Tags["applied"]);
        var names = await app.WithDbAsync(async db => (await db.Set<KnownChildRecord>().AsNoTracking().ToListAsync())
            .ToDictionary(c => c.ChildKey, c => ChildIdentity.Parser.ParseFrom(c.Child).GivenName));
        Assert.Equal(
            ["Known-renamed", "Twice-late", "First-late", "Fresh"],
            new[] { known, renamed, keptFirst, fresh }.Select(child => names[app.ChildKey(child)]));
    }
}
