using Grpc.Core;
using Mash.Contracts.Events.V1;
using Mash.Testing.Nodes;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Local;
using Mash.Platform.Eventing.Transport;

namespace Mash.EndToEnd.Tests.TwoNodes;

/// <summary>A message no node can apply: dead-lettered with its reason, listed and replayed by operations.</summary>
[Collection(TwoNodesCollection.Name)]
public sealed class DeadLetterTests(TwoNodesFixture nodes)
{
    [Fact]
    public async Task A_poison_message_is_dead_lettered_with_its_reason_and_operations_can_list_and_replay_it()
    {
        // A broken partner node puts a message on the shared bus that is not an event envelope.
        var messageId = "poison-" + Guid.NewGuid().ToString("N");
        await using (var bus = new LocalFileTransport(new LocalTransportOptions { Path = nodes.SocialCare.Options.EventBusPath }))
        {
            await bus.SendAsync([new TransportMessage(messageId, Topics.CseFlags, "poison-session", "mash.events.v1.CseFlagChanged", "rogue-node", new byte[] { 1, 2, 3, 255 })], CancellationToken.None);
        }

        var socialCare = nodes.SocialCare;
        var ops = await socialCare.AsAsync("ops-admin");
        ops.Add("x-mash-service", "assessment");
        var list = new ListDeadLettersRequest { Topic = Topics.CseFlags };
        var letter = await Eventually.Get(async () =>
            (await socialCare.DeadLetters().ListDeadLettersAsync(list, ops)).DeadLetters.FirstOrDefault(d => d.MessageId == messageId),
            what: "the poison message in the dead letters");
        Assert.Equal("BadPayload", letter.Reason);
        Assert.Equal("rogue-node", letter.OriginNode);
        Assert.Equal("assessment-" + socialCare.Options.NodeId, letter.Subscription);

        var replay = await socialCare.DeadLetters().ReplayDeadLetterAsync(new ReplayDeadLetterRequest { Topic = Topics.CseFlags, MessageId = messageId }, ops);
        Assert.True(replay.Replayed);
        // Still unreadable: it is delivered again and comes back to the dead letters.
        await Eventually.Get(async () =>
            (await socialCare.DeadLetters().ListDeadLettersAsync(list, ops)).DeadLetters.FirstOrDefault(d => d.MessageId == messageId),
            what: "the replayed message back in the dead letters");

        var missing = await Assert.ThrowsAsync<RpcException>(async () => await socialCare.DeadLetters()
            .ReplayDeadLetterAsync(new ReplayDeadLetterRequest { Topic = Topics.CseFlags, MessageId = "no-such-message" }, ops));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Only_operations_may_see_the_dead_letters()
    {
        var practitioner = await nodes.SocialCare.AsAsync("social-care-mash");
        practitioner.Add("x-mash-service", "assessment");

        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await nodes.SocialCare.DeadLetters().ListDeadLettersAsync(new ListDeadLettersRequest { Topic = Topics.CseFlags }, practitioner));
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }
}
