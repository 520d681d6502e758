using Google.Protobuf;
using Mash.Contracts.Events.V1;
using Mash.Platform.Audit;
using Mash.Platform.Auth;
using Mash.Platform.Eventing.Transport;
using Mash.Platform.Persistence;
using Mash.Platform.Eventing.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mash.Platform.Eventing.Inbox;

/// <summary>
/// A batch of events of a topic applied in any order (<see cref="EventBatches"/>). Each event is applied at most once,
/// as if it came alone, and the batch is settled as one: completed when every event was applied or was not for this
/// service; abandoned, for another delivery, when one failed (those applied are skipped then); dead-lettered when one can
/// never be applied, naming it, the others applied.
/// </summary>
internal sealed partial class EventConsumer
{
    /// <summary>Events of batches applied at once when <see cref="EventingOptions.MaxConcurrentSessions"/> is unset: the local transport's sessions.</summary>
    private const int DefaultBatchApplies = 32;

    // At most as many at a time, across the service's batches, as a subscription has sessions: a batch needs no more
    // connections than the deliveries it replaces.
    private readonly SemaphoreSlim _batchApplies = new(options.Value.MaxConcurrentSessions ?? DefaultBatchApplies);

    private async Task HandleBatchAsync(Subscription subscription, ReceivedMessage received, CancellationToken cancellationToken)
    {
        EventBatch batch;
        try
        {
            batch = EventBatches.Read(received.Message.Body);
        }
        catch (InvalidProtocolBufferException)
        {
            await DeadLetterAsync(received, "BadPayload", "The message body is not a mash.events.v1.EventBatch.", cancellationToken);
            return;
        }

        if (!Topics.AppliedInAnyOrder(subscription.Topic) || batch.Events.Count > EventBatches.MaxEvents)
        {
            // Applied together, a batch's events lose their order: only a topic that needs none may carry one.
            await DeadLetterAsync(received, "UnsupportedBatch",
                $"A batch of at most {EventBatches.MaxEvents} events is accepted on topics applied in any order; this was {batch.Events.Count} on '{subscription.Topic}'.",
                cancellationToken);
            return;
        }

        List<(string EventId, Refusal Refusal)> refusals;
        try
        {
            refusals = await ApplyBatchAsync(subscription, batch, received.DeliveryCount, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogHandlerFailed(EventBatches.MessageType, received.DeliveryCount, e.GetType().Name, e.Message);
            await received.AbandonAsync(CancellationToken.None);
            return;
        }

        if (refusals.Count > 0)
        {
            var (eventId, first) = refusals[0];
            var description = $"{refusals.Count} of the batch's {batch.Events.Count} events cannot be applied (the others were): event {eventId}: {first.Description}";
            await DeadLetterAsync(received, first.Reason, description.Length <= 1000 ? description : description[..1000], cancellationToken);
            return;
        }

        await SettleAppliedAsync(received, batch.Events.Count > 0 ? batch.Events[0].EventId : received.Message.MessageId, cancellationToken);
    }

    /// <returns>The events that can never be applied here, in the batch's order.</returns>
    private async Task<List<(string EventId, Refusal Refusal)>> ApplyBatchAsync(Subscription subscription, EventBatch batch, int deliveryCount, CancellationToken cancellationToken)
    {
        var refusals = new List<(int Index, Refusal Refusal)>();
        // Events audited alike (the same handler, origin, purpose and lawful basis) are applied in one transaction.
        var groups = new Dictionary<(EventHandlerRegistry.Registration, Contracts.Common.V1.Agency, string, string, Contracts.Common.V1.LawfulBasis), List<int>>();
        for (var index = 0; index < batch.Events.Count; index++)
        {
            var envelope = batch.Events[index];
            var verdict = Judge(subscription, envelope);
            if (verdict.Refusal is { } refusal)
            {
                refusals.Add((index, refusal));
            }
            else if (verdict.Registration is { } registration)
            {
                var key = (registration, envelope.OriginAgency, envelope.OriginNode, envelope.Purpose, envelope.LawfulBasis);
                if (!groups.TryGetValue(key, out var group))
                {
                    groups[key] = group = [];
                }

                group.Add(index);
            }
        }

        var outcomes = await Task.WhenAll(groups.Select(async g =>
        {
            var refused = await ApplyGroupAsync(subscription, g.Key.Item1, [.. g.Value.Select(i => batch.Events[i])], deliveryCount, cancellationToken);
            return refused.Select(r => (Index: g.Value[r.Position], r.Refusal));
        }));
        refusals.AddRange(outcomes.SelectMany(refused => refused));
        return [.. refusals.OrderBy(r => r.Index).Select(r => (batch.Events[r.Index].EventId, r.Refusal))];
    }

    /// <returns>The group's events that can never be applied here, by their place in the group.</returns>
    private async Task<IEnumerable<(int Position, Refusal Refusal)>> ApplyGroupAsync(
        Subscription subscription, EventHandlerRegistry.Registration registration, List<EventEnvelope> group, int deliveryCount, CancellationToken cancellationToken)
    {
        if (group.Count > 1)
        {
            var together = await WithTurnAsync(() => TryApplyTogetherAsync(subscription, registration, group, deliveryCount, cancellationToken), cancellationToken);
            metrics?.RecordBatchGroup(subscription.Topic, together);
            if (together)
            {
                return [];
            }
        }

        // Each alone, in a transaction of its own, at once (their saves still share group commits).
        var outcomes = await Task.WhenAll(group.Select(envelope => WithTurnAsync(async () =>
        {
            using var activity = EventTracing.StartProcess(envelope, subscription);
            return await ApplyOrRefuseAsync(subscription, envelope, registration, deliveryCount, cancellationToken);
        }, cancellationToken)));
        return outcomes.Select((refusal, position) => (position, refusal)).Where(o => o.refusal is not null).Select(o => (o.position, o.refusal!));
    }

    /// <summary>
    /// The group's events applied in one scope and one transaction, each with its inbox entry and audited as it would be
    /// alone; false, with nothing stored, when that failed for any reason (an event the handler refuses, one applied before,
    /// two about one child): each is then applied alone, as without the batch.
    /// </summary>
    private async Task<bool> TryApplyTogetherAsync(
        Subscription subscription, EventHandlerRegistry.Registration registration, List<EventEnvelope> group, int deliveryCount, CancellationToken cancellationToken)
    {
        var first = group[0];
        using var activity = EventTracing.StartProcess(first, subscription);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MashDbContext>();
            var applied = new List<EventEnvelope>(group.Count);
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                scope.ServiceProvider.GetRequiredService<CallAudit>()
                    .BeginEvent(AgencyNames.FromContract(first.OriginAgency), first.OriginNode, first.Type, first.Purpose, first.LawfulBasis);
                if (registration.PrepareGroup is { } prepare)
                {
                    await prepare(scope.ServiceProvider, group, cancellationToken);
                }

                foreach (var envelope in group)
                {
                    if (deliveryCount > 1 && await AlreadyApplied.For(db)(db, envelope.EventId, cancellationToken))
                    {
                        continue;
                    }

                    await registration.Invoke(scope.ServiceProvider, envelope, cancellationToken);
                    applied.Add(envelope);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            if (applied.Count > 0)
            {
                db.Set<ProcessedEvent>().AddRange(applied.Select(envelope => Processed(subscription, envelope)));
                await scope.ServiceProvider.GetRequiredService<AuditTrail>().SaveChangesWithAuditAsync(db, cancellationToken);
            }

            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogBatchAppliedOneByOne(group.Count, e.GetType().Name);
            return false;
        }
    }

    private async Task<T> WithTurnAsync<T>(Func<Task<T>> apply, CancellationToken cancellationToken)
    {
        await _batchApplies.WaitAsync(cancellationToken);
        try
        {
            return await apply();
        }
        finally
        {
            _batchApplies.Release();
        }
    }
}
