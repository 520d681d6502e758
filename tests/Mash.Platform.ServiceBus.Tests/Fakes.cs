using Azure.Messaging.ServiceBus;
using Mash.Platform.Eventing.Transport;
using Moq;

namespace Mash.Platform.ServiceBus.Tests;

/// <summary>Builders for the SDK's model types and a recorder of what a mocked client was asked to do.</summary>
internal static class Fakes
{
    // Parses like a real namespace; nothing connects until a link is opened, which tests never do.
    public const string OfflineConnectionString =
        "Endpoint=sb://mash-test.servicebus.windows.net/;SharedAccessKeyName=test;SharedAccessKey=dGVzdC1rZXk=";

    public static TransportMessage Message(string id, string topic = "cse-flags", string session = "child-key-1", string body = "envelope") =>
        new(id, topic, session, "mash.events.v1.CseFlagRaised", "police-node-1", System.Text.Encoding.UTF8.GetBytes(body));

    public static ServiceBusReceivedMessage Received(
        string messageId,
        string session = "child-key-1",
        string body = "envelope",
        int deliveryCount = 1,
        long sequenceNumber = 1,
        IDictionary<string, object>? extraProperties = null,
        DateTimeOffset enqueuedTime = default)
    {
        var properties = new Dictionary<string, object>
        {
            ["mash-type"] = "mash.events.v1.CseFlagRaised",
            ["mash-origin-node"] = "police-node-1",
        };
        foreach (var (key, value) in extraProperties ?? new Dictionary<string, object>())
        {
            properties[key] = value;
        }
        return ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: BinaryData.FromString(body),
            messageId: messageId,
            sessionId: session,
            subject: "mash.events.v1.CseFlagRaised",
            contentType: "application/x-protobuf",
            properties: properties,
            lockTokenGuid: Guid.NewGuid(),
            deliveryCount: deliveryCount,
            sequenceNumber: sequenceNumber,
            enqueuedTime: enqueuedTime);
    }

    /// <summary>The arguments of the one call named <paramref name="method"/> on a mock (whichever overload).</summary>
    public static IReadOnlyList<object?> SingleCall<T>(Mock<T> mock, string method) where T : class =>
        mock.Invocations.Single(invocation => invocation.Method.Name == method).Arguments;

    public static int Calls<T>(Mock<T> mock, string method) where T : class =>
        mock.Invocations.Count(invocation => invocation.Method.Name == method);
}
