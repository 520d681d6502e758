extern alias AssessmentHost;

using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Local;
using Mash.Platform.Eventing.Transport;
using Mash.Testing.Eventing;
using Mash.Testing.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Mash.Faults.Tests.Redelivery;

/// <summary>
/// A message whose handler fails every time, on the real local transport: it is delivered
/// MaxDeliveryCount times, then set aside in the dead letters with the reason, and the child's
/// later events are no longer held up behind it.
/// </summary>
public sealed class PoisonMessageTests
{
    private const int MaxDeliveryCount = 4;

    [Fact]
    public async Task A_message_failing_on_every_delivery_reaches_the_dead_letters_after_the_maximum_delivery_count_with_its_reason()
    {
        using var app = new AssessmentInMemory.OnLocalBus(MaxDeliveryCount);
        _ = app.Server; // the consumer's processors are running
        var subscription = new Subscription(Topics.Referrals, Topics.SubscriptionName("assessment", AssessmentInMemory.NodeId));
        await using var bus = new LocalFileTransport(new LocalTransportOptions { Path = app.BusPath });
        await bus.EnsureSubscriptionAsync(subscription);

        var child = TestChildren.New();
        var childKey = app.ChildKey(child);
        // Received on the last day a clock can show: a valid time, but counting 45 working days on from it
        // throws, every time (not a known-bad shape the handler rejects at once).
        var poison = Referral("ref_poison", child, Timestamp.FromDateTime(new DateTime(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc)), childKey);
        var after = Referral("ref_after_poison", child, Timestamp.FromDateTimeOffset(app.Clock.GetUtcNow()), childKey);
        await bus.SendAsync([Message(poison), Message(after)], CancellationToken.None);

        var letter = await Eventually.Get(async () => (await bus.DeadLetters(subscription).ListAsync(10, CancellationToken.None)) is [var first, ..] ? first : null,
            TimeSpan.FromSeconds(30), "the poison message in the dead letters");
        Assert.Equal(poison.EventId, letter.Message.MessageId);
        Assert.Equal("MaxDeliveryCountExceeded", letter.Reason); // as Service Bus names it
        Assert.Equal(MaxDeliveryCount, letter.DeliveryCount);
        Assert.Contains($"Delivered {MaxDeliveryCount} times", letter.Description, StringComparison.Ordinal);

        // The child's next event is applied once the poison is out of the way.
        await Eventually.Get(async () => await app.WithDbAsync(db => db.Assessments.AnyAsync(a => a.ReferralId == "ref_after_poison")) ? "" : null,
            TimeSpan.FromSeconds(30), "the referral after the poison message to open its assessment");
        Assert.False(await app.WithDbAsync(db => db.Assessments.AnyAsync(a => a.ReferralId == "ref_poison")));
    }

    private static EventEnvelope Referral(string referralId, ChildIdentity child, Timestamp receivedAt, string childKey) =>
        Envelopes.For(new ReferralDecided
        {
            ReferralId = referralId, Child = child, ReceivedAt = receivedAt, Area = "default", ConcernSummary = "Missing overnight.",
            Outcome = Contracts.Referral.V1.ReferralOutcome.ChildInNeedAssessment, DecidedAt = receivedAt, AssessmentRequired = true,
        }, childKey, AssessmentInMemory.NodeId, Agency.Police, DateTimeOffset.UtcNow, LawfulBasis.PublicTask);

    private static TransportMessage Message(EventEnvelope envelope) =>
        new(envelope.EventId, Topics.Referrals, envelope.ChildKey, envelope.Type, envelope.OriginNode, envelope.ToByteArray());
}
