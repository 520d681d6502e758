using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using Mash.Platform.Eventing.ServiceBus;
using Mash.Platform.Eventing.Transport;

namespace Mash.Platform.ServiceBus.Tests;

/// <summary>
/// Runs against a real namespace (or the emulator) when <c>MASH_SERVICEBUS_CONNECTION_STRING</c>
/// is set. The subscription must be session-enabled and is the test's own: messages of other
/// sessions found on it (left by earlier runs) are completed.
/// </summary>
public sealed class LiveServiceBusTests
{
    private const string ConnectionStringVariable = "MASH_SERVICEBUS_CONNECTION_STRING";

    [SkippableFact]
    public async Task Sessions_settlement_dead_letters_and_replay_on_a_real_broker()
    {
        var connectionString = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        Skip.If(string.IsNullOrWhiteSpace(connectionString),
            $"{ConnectionStringVariable} is not set, so there is no Service Bus namespace or emulator to test against " +
            "(topic from MASH_SERVICEBUS_TOPIC, default cse-flags; subscription from MASH_SERVICEBUS_SUBSCRIPTION, default assessment-live-test).");
        var subscription = new Subscription(
            Variable("MASH_SERVICEBUS_TOPIC", "cse-flags"), Variable("MASH_SERVICEBUS_SUBSCRIPTION", "assessment-live-test"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var cancellationToken = timeout.Token;
        var run = Guid.NewGuid().ToString("N");
        var session = $"live-{run}";
        var poisonId = $"{run}-3";
        var deliveries = Channel.CreateUnbounded<(string Id, string Body)>();
        var poisonDeliveries = new ConcurrentDictionary<string, int>();

        await using var transport = new ServiceBusTransport(new ServiceBusTransportOptions { ConnectionString = connectionString });
        await using var processor = transport.CreateProcessor(subscription, async (delivery, token) =>
        {
            var message = delivery.Message;
            if (message.SessionId != session)
            {
                await delivery.CompleteAsync(token);
                return;
            }
            // The poison message is dead-lettered the first time and completed once replayed.
            if (message.MessageId == poisonId && poisonDeliveries.AddOrUpdate(poisonId, 1, (_, n) => n + 1) == 1)
            {
                await delivery.DeadLetterAsync("LiveTest", "dead-lettered on purpose", token);
            }
            else
            {
                await delivery.CompleteAsync(token);
            }
            await deliveries.Writer.WriteAsync((message.MessageId, Encoding.UTF8.GetString(message.Body.Span)), token);
        }, new ProcessorOptions { MaxConcurrentSessions = 4 });
        await processor.StartAsync(cancellationToken);

        await transport.SendAsync([Message(subscription, $"{run}-1", session, "first"), Message(subscription, $"{run}-2", session, "second")], cancellationToken);
        Assert.Equal(($"{run}-1", "first"), await deliveries.Reader.ReadAsync(cancellationToken));
        Assert.Equal(($"{run}-2", "second"), await deliveries.Reader.ReadAsync(cancellationToken));

        await transport.SendAsync([Message(subscription, poisonId, session, "poison")], cancellationToken);
        Assert.Equal((poisonId, "poison"), await deliveries.Reader.ReadAsync(cancellationToken));

        var deadLetters = transport.DeadLetters(subscription);
        var letter = await WaitForDeadLetterAsync(deadLetters, poisonId, cancellationToken);
        Assert.Equal("LiveTest", letter.Reason);
        Assert.Equal("dead-lettered on purpose", letter.Description);
        Assert.Equal(session, letter.Message.SessionId);

        Assert.True(await deadLetters.ReplayAsync(poisonId, cancellationToken));
        Assert.Equal((poisonId, "poison"), await deliveries.Reader.ReadAsync(cancellationToken));
        Assert.False(await deadLetters.ReplayAsync(poisonId, cancellationToken));

        await processor.StopAsync(cancellationToken);
    }

    private static async Task<DeadLetter> WaitForDeadLetterAsync(IDeadLetterQueue deadLetters, string messageId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var found = (await deadLetters.ListAsync(500, cancellationToken)).FirstOrDefault(letter => letter.Message.MessageId == messageId);
            if (found is not null)
            {
                return found;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    private static TransportMessage Message(Subscription subscription, string id, string session, string body) =>
        new(id, subscription.Topic, session, "mash.events.v1.LiveTest", "live-test-node", Encoding.UTF8.GetBytes(body));

    private static string Variable(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;
}
