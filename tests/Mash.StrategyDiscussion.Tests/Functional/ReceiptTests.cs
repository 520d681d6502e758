using Mash.Testing.Postgres;
using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Strategy.V1;
using Mash.Platform.Eventing;
using Mash.StrategyDiscussion.Tests.Support;
using Mash.Testing.Eventing;

namespace Mash.StrategyDiscussion.Tests.Functional;

/// <summary>
/// The sender can prove what arrived: a partner node that stores a discussion answers with a receipt,
/// the discussion shows which nodes hold it since when, and what has no receipt after a working hour
/// is listed as unacknowledged until one comes.
/// </summary>
public sealed class ReceiptTests() : ReceiptScenarios(new StrategyApp());

/// <summary>The same on PostgreSQL.</summary>
public sealed class ReceiptPostgreSqlTests() : ReceiptScenarios(PostgreSqlFixture.Require(new StrategyPostgreSqlApp()));

public abstract class ReceiptScenarios(StrategyApp app) : IDisposable
{
    private const string SocialCareNode = "worcestershire-social-care";
    private readonly StrategyApp _app = app;

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<ListUnacknowledgedResponse> UnacknowledgedAsync() =>
        await _app.Deliveries().ListUnacknowledgedAsync(new ListUnacknowledgedRequest(), _app.As());

    [SkippableFact]
    public async Task What_was_shared_is_unacknowledged_after_a_working_hour_until_the_partner_node_answers()
    {
        var child = Samples.Child();
        var required = await _app.RequireAsync(child); // Monday 10:00
        var shared = EventEnvelope.Parser.ParseFrom((await _app.OutboxForAsync<StrategyDiscussionOutstanding>(child)).Single().Envelope);

        _app.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.DoesNotContain((await UnacknowledgedAsync()).Deliveries, d => d.EventId == shared.EventId);

        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        var late = Assert.Single((await UnacknowledgedAsync()).Deliveries, d => d.EventId == shared.EventId);
        // Shared under the agreement with the social care node: its receipt is the one awaited.
        Assert.Equal((required.DiscussionId, StrategyDiscussionOutstanding.Descriptor.FullName, SocialCareNode), (late.RecordId, late.EventType, late.DestinationNode));
        Assert.Equal(required.RequiredAt.ToDateTime().AddHours(1), late.ReceiptExpectedBy.ToDateTime());

        var storedAt = _app.Clock.GetUtcNow();
        var receipt = new DeliveryReceipt { EventId = shared.EventId, EventType = shared.Type, StoredAt = Timestamp.FromDateTimeOffset(storedAt) };
        var envelope = Envelopes.For(receipt, shared.ChildKey, SocialCareNode, Agency.ChildrenSocialCare, storedAt, LawfulBasis.SafeguardingOfChildren);
        envelope.DestinationNode = StrategyApp.NodeId;
        Assert.Equal("completed", (await _app.DeliverAsync(Topics.DeliveryReceipts, envelope)).Settlement);
        // The same receipt again (another event id) changes nothing.
        envelope.EventId = "evt_" + Guid.NewGuid().ToString("N");
        await _app.DeliverAsync(Topics.DeliveryReceipts, envelope);

        Assert.DoesNotContain((await UnacknowledgedAsync()).Deliveries, d => d.EventId == shared.EventId);
        var discussion = await _app.Client().GetDiscussionAsync(new GetDiscussionRequest { DiscussionId = required.DiscussionId }, _app.As());
        var held = Assert.Single(discussion.HeldByPartners);
        Assert.Equal((SocialCareNode, Agency.ChildrenSocialCare, Timestamp.FromDateTimeOffset(storedAt)), (held.Node, held.Agency, held.StoredAt));
    }

    [SkippableFact]
    public async Task A_receipt_expected_late_on_friday_is_due_on_monday_morning()
    {
        // Friday 27 November 2026, 16:45: a working hour later is Monday 30 November, 09:45.
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 16, 45, 0, TimeSpan.Zero));
        var child = Samples.Child();
        await _app.RequireAsync(child);

        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 9, 44, 0, TimeSpan.Zero));
        Assert.Equal(0, (await UnacknowledgedAsync()).TotalUnacknowledged);
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 9, 46, 0, TimeSpan.Zero));
        var late = Assert.Single((await UnacknowledgedAsync()).Deliveries);
        Assert.Equal(new DateTime(2026, 11, 30, 9, 45, 0, DateTimeKind.Utc), late.ReceiptExpectedBy.ToDateTime());
    }

    [SkippableFact]
    public async Task A_receipt_for_something_this_service_did_not_share_is_ignored()
    {
        var receipt = new DeliveryReceipt { EventId = "evt_unknown", EventType = "mash.events.v1.CseFlagChanged", StoredAt = Timestamp.FromDateTimeOffset(_app.Clock.GetUtcNow()) };
        var envelope = Envelopes.For(receipt, "key", SocialCareNode, Agency.ChildrenSocialCare, _app.Clock.GetUtcNow(), LawfulBasis.SafeguardingOfChildren);
        envelope.DestinationNode = StrategyApp.NodeId;

        Assert.Equal("completed", (await _app.DeliverAsync(Topics.DeliveryReceipts, envelope)).Settlement);
        Assert.Equal(0, await _app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Set<Mash.Platform.Eventing.Receipts.DeliveryReceiptRecord>())));
    }

    [SkippableFact]
    public async Task Storing_a_partners_discussion_answers_its_node_with_a_receipt()
    {
        var child = Samples.Child();
        var outstanding = new StrategyDiscussionOutstanding
        {
            Discussion = new Contracts.Strategy.V1.StrategyDiscussion
            {
                DiscussionId = "dsc_" + Guid.CreateVersion7().ToString("N"),
                Status = DiscussionStatus.Required,
                RequiredAt = Timestamp.FromDateTimeOffset(_app.Clock.GetUtcNow()),
                DueAt = Timestamp.FromDateTimeOffset(_app.Clock.GetUtcNow().AddDays(1)),
            },
            ExpectedAgencies = { Agency.Police, Agency.ChildrenSocialCare, Agency.Health },
        };
        var envelope = Envelopes.For(outstanding, _app.ChildKey(child), SocialCareNode, Agency.ChildrenSocialCare, _app.Clock.GetUtcNow(), LawfulBasis.SafeguardingOfChildren);
        envelope.OriginService = "strategy";

        await _app.DeliverAsync(Topics.StrategyDiscussions, envelope);

        var sent = EventEnvelope.Parser.ParseFrom((await _app.OutboxForAsync<DeliveryReceipt>(child)).Single().Envelope);
        Assert.Equal((SocialCareNode, Topics.DeliveryReceipts), (sent.DestinationNode, (await _app.OutboxForAsync<DeliveryReceipt>(child)).Single().Topic));
        // To the service that shared it alone: the node's other services hold no record of it.
        Assert.Equal("strategy", sent.DestinationService);
        Assert.Equal(envelope.EventId, sent.Payload.Unpack<DeliveryReceipt>().EventId);
    }
}
