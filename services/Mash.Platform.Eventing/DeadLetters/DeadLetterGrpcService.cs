using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Contracts.Events.V1;
using Mash.Platform.Auth;
using Mash.Platform.Errors;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Eventing.Transport;
using Mash.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mash.Platform.Eventing.DeadLetters;

/// <summary>mash.events.v1.DeadLetterService for this service's own subscriptions (role Events.Admin).</summary>
[Authorize(Policy = MashRoles.EventsAdmin)]
internal sealed partial class DeadLetterGrpcService(
    IMessageTransport transport, EventHandlerRegistry registry, ConsumerIdentity identity,
    IOptions<MashNodeOptions> node, ILogger<DeadLetterGrpcService> logger) : DeadLetterService.DeadLetterServiceBase
{
    public const int DefaultCount = 100;
    public const int MaxCount = 500;

    public override async Task<ListDeadLettersResponse> ListDeadLetters(ListDeadLettersRequest request, ServerCallContext context)
    {
        var subscription = SubscriptionFor(request.Topic, new FieldViolations()
            .Require(request.MaxCount is >= 0 and <= MaxCount, "max_count", $"Between 1 and {MaxCount} (0 means {DefaultCount})."));
        var letters = await transport.DeadLetters(subscription).ListAsync(request.MaxCount == 0 ? DefaultCount : request.MaxCount, context.CancellationToken);
        var response = new ListDeadLettersResponse();
        response.DeadLetters.AddRange(letters.Select(letter => new DeadLetterEntry
        {
            MessageId = letter.Message.MessageId,
            Type = letter.Message.Type,
            OriginNode = letter.Message.OriginNode,
            Reason = letter.Reason,
            Description = letter.Description,
            DeliveryCount = letter.DeliveryCount,
            DeadLetteredAt = Timestamp.FromDateTimeOffset(letter.DeadLetteredAt),
            Subscription = subscription.Name,
        }));
        return response;
    }

    public override async Task<ReplayDeadLetterResponse> ReplayDeadLetter(ReplayDeadLetterRequest request, ServerCallContext context)
    {
        var subscription = SubscriptionFor(request.Topic, new FieldViolations()
            .Require(!string.IsNullOrWhiteSpace(request.MessageId), "message_id", "Name the dead letter to replay."));
        if (!await transport.DeadLetters(subscription).ReplayAsync(request.MessageId, context.CancellationToken))
        {
            throw RpcErrors.NotFound("dead letter", request.MessageId);
        }

        LogReplayed(request.MessageId, subscription.Name, CallerIdentity.From(context.GetHttpContext().User).ClientId);
        return new ReplayDeadLetterResponse { Replayed = true };
    }

    private Subscription SubscriptionFor(string topic, FieldViolations violations)
    {
        violations.Require(registry.Topics.Contains(topic), "topic",
            $"This service consumes: {string.Join(", ", registry.Topics)}.").ThrowIfAny();
        return Topics.SubscriptionOf(topic, identity.ServiceName, node.Value.Id);
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "Dead letter {MessageId} of {Subscription} replayed by {ClientId}")]
    private partial void LogReplayed(string messageId, string subscription, string clientId);
}
