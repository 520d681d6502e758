using Mash.Contracts.Events.V1;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Outbox;
using Mash.Referral.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Mash.Referral.Tests.Functional;

public sealed class ReferralEventTests : IDisposable
{
    private readonly ReferralApp _app = new();

    [Fact]
    public async Task A_new_referral_raises_one_referral_received_event_for_the_assessment_and_a_retry_none()
    {
        var submitted = (await _app.Client().SubmitReferralAsync(Samples.Submit("event-1"), _app.As("police-mash"))).Referral;
        await _app.Client().SubmitReferralAsync(Samples.Submit("event-1"), _app.As("police-mash"));

        var outbox = await _app.WithDbAsync(db => db.Set<OutboxMessage>().ToListAsync());
        var message = Assert.Single(outbox);
        Assert.Equal(Topics.Referrals, message.Topic);
        var envelope = EventEnvelope.Parser.ParseFrom(message.Envelope);
        var received = envelope.Payload.Unpack<ReferralReceived>();
        Assert.Equal(submitted.ReferralId, received.ReferralId);
        Assert.Equal(Samples.ValidNhsNumber, received.Child.NhsNumber);
        Assert.Equal(message.SessionId, envelope.ChildKey);
        Assert.DoesNotContain(Samples.ValidNhsNumber, envelope.ChildKey, StringComparison.Ordinal);
        // Within the node: not a disclosure to another agency.
        Assert.Equal(0, await _app.WithDbAsync(db => db.Set<DisclosureRecord>().CountAsync()));
    }

    [Fact]
    public async Task A_refused_referral_raises_nothing()
    {
        await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(() =>
            _app.Client().SubmitReferralAsync(Samples.Submit("", Samples.FullReferral()), _app.As("police-mash")).ResponseAsync);

        Assert.Equal(0, await _app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync()));
    }

    public void Dispose() => _app.Dispose();
}
