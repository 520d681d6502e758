using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Eventing;
using Mash.Referral.Tests.Support;
using Mash.Testing.Eventing;

namespace Mash.Referral.Tests.Functional;

/// <summary>
/// Another service of the node (a return interview at Assessment) asks for a referral in its caller's name:
/// stored under the id it chose, once, and sent on to the front door as a submission would be.
/// </summary>
public sealed class ReferralRequestTests : IDisposable
{
    private readonly ReferralApp _police = ReferralApp.Referrer();
    private readonly ReferralApp _mash = new();

    public void Dispose()
    {
        _police.Dispose();
        _mash.Dispose();
    }

    private static ReferralRequested Request(string referralId, ReferralDetails? details = null) => new()
    {
        ReferralId = referralId,
        Details = details ?? Samples.FullReferral(),
        ReceivedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-30)),
        ReferringAgency = Agency.Police,
        ReferringClient = "police-missing",
        SourceRecord = "missing episode mis_1",
    };

    private static EventEnvelope FromThisNode(ReferralApp app, ReferralRequested request) =>
        Envelopes.For(request, "child-key", app.NodeId, Agency.Police, DateTimeOffset.UtcNow, LawfulBasis.SafeguardingOfChildren);

    [Fact]
    public async Task At_a_referring_node_the_referral_is_kept_under_the_chosen_id_once_and_sent_to_the_front_door()
    {
        var id = "ref_" + Guid.NewGuid().ToString("N");
        var first = await _police.DeliverAsync(Topics.ReferralRequests, FromThisNode(_police, Request(id)));
        var again = await _police.DeliverAsync(Topics.ReferralRequests, FromThisNode(_police, Request(id)));

        Assert.Equal(("completed", "completed"), (first.Settlement, again.Settlement));
        Assert.Equal(1, await _police.CountReferralsAsync());
        var copy = await _police.Client().GetReferralAsync(new GetReferralRequest { ReferralId = id }, _police.As("police-mash"));
        Assert.Equal((ReferralRole.ReferrerCopy, "police-missing"), (copy.Role, copy.SubmittedByClient));
        var sent = Assert.Single(await _police.SentAsync(Topics.FrontDoorReferrals));
        Assert.Equal(id, sent.Payload<ReferralSentToFrontDoor>().ReferralId);

        await _mash.CarryFromAsync(_police, Topics.FrontDoorReferrals);
        var atMash = await _mash.Client().GetReferralAsync(new GetReferralRequest { ReferralId = id }, _mash.As("social-care-mash"));
        Assert.Equal((ReferralRole.FrontDoor, ReferralStatus.AwaitingScreening), (atMash.Role, atMash.Status));
    }

    [Fact]
    public async Task At_the_front_door_it_joins_the_screening_queue()
    {
        var id = "ref_" + Guid.NewGuid().ToString("N");
        await _mash.DeliverAsync(Topics.ReferralRequests, FromThisNode(_mash, Request(id)));

        var referral = await _mash.Client().GetReferralAsync(new GetReferralRequest { ReferralId = id }, _mash.As("social-care-mash"));
        Assert.Equal((ReferralRole.FrontDoor, ReferralStatus.AwaitingScreening), (referral.Role, referral.Status));
        Assert.Empty(await _mash.SentAsync(Topics.FrontDoorReferrals));
    }

    [Fact]
    public async Task A_request_lacking_what_every_referral_needs_is_dead_lettered_naming_it_and_nothing_is_stored()
    {
        var details = Samples.FullReferral();
        details.Referrer.Name = "";

        var delivery = await _police.DeliverAsync(Topics.ReferralRequests, FromThisNode(_police, Request("ref_" + Guid.NewGuid().ToString("N"), details)));

        Assert.Equal("dead-lettered", delivery.Settlement);
        Assert.Equal("InvalidReferral", delivery.DeadLetterReason);
        Assert.Equal(0, await _police.CountReferralsAsync());
    }
}
