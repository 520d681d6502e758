using System.Diagnostics;
using Mash.Contracts.Events.V1;
using Mash.Platform.Audit;
using Mash.Platform.Auth;
using Mash.Platform.Eventing.Transport;
using Mash.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mash.Platform.Eventing.Inbox;

/// <summary>
/// Applies events exactly once: each event's handler staged on a scoped context, saved with the event's inbox row and
/// audit entries in one transaction. One at a time, or several of one subscription in one scope and one save.
/// </summary>
internal sealed class EventApplier(IServiceScopeFactory scopes, TimeProvider time)
{
    private static readonly PerModelQuery<Func<MashDbContext, string, CancellationToken, Task<bool>>> AlreadyApplied =
        new(() => EF.CompileAsyncQuery((MashDbContext db, string eventId, CancellationToken _) =>
            db.Set<ProcessedEvent>().Any(e => e.EventId == eventId)));

    /// <param name="firstDelivery">
    /// Whether the broker delivers it for the first time: then the inbox is not read first. The broker drops an event
    /// sent again within its duplicate detection window, so a first delivery is almost never a duplicate, and one that
    /// is fails at the save on the inbox's key, alone in its group commit, and is completed as a duplicate.
    /// </param>
    public async Task ApplyOnceAsync(
        Subscription subscription, EventEnvelope envelope, EventHandlerRegistry.Registration registration, bool firstDelivery, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MashDbContext>();
        // Opened once for the inbox check and the handler's reads: each query would otherwise take a
        // connection from the pool and give it back. Closed before the save, which joins the commit's.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (!firstDelivery && await AlreadyApplied.For(db)(db, envelope.EventId, cancellationToken))
            {
                return;
            }

            var call = scope.ServiceProvider.GetRequiredService<CallAudit>();
            BeginEvent(call, envelope);
            await registration.Invoke(scope.ServiceProvider, envelope, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        if (scope.ServiceProvider.GetRequiredService<ConsumedEvent>().IsForAnotherService && !db.ChangeTracker.HasChanges())
        {
            return;
        }

        db.Set<ProcessedEvent>().Add(Processed(subscription, envelope));
        try
        {
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().SaveChangesWithAuditAsync(db, cancellationToken);
        }
        catch (DbUpdateException) when (!cancellationToken.IsCancellationRequested)
        {
            // Applied by a concurrent delivery of the same event, this one is a duplicate;
            // anything else is a real failure, and the message is redelivered.
            if (!await AlreadyProcessedAsync(envelope.EventId))
            {
                throw;
            }
        }
    }

    /// <summary>
    /// Applies a batch of one subscription's events (<see cref="IAppliedTogether"/> handlers) in one scope and one save,
    /// and sets each one's outcome. When anything fails (a handler's refusal, a duplicate's inbox key, the commit),
    /// nothing of the batch is stored and each event is applied alone, so each gets the outcome it would have had.
    /// </summary>
    public async Task ApplyTogetherAsync(Subscription subscription, IReadOnlyList<PendingEvent> batch)
    {
        if (batch.Count == 1)
        {
            await ApplyAloneAsync(subscription, batch[0]);
            return;
        }

        var cancellationToken = batch[0].CancellationToken;
        try
        {
            await ApplyInOneSaveAsync(subscription, batch, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            foreach (var pending in batch)
            {
                pending.Done.TrySetCanceled(cancellationToken);
            }

            return;
        }
        catch (Exception)
        {
            await Task.WhenAll(batch.Select(pending => ApplyAloneAsync(subscription, pending)));
            return;
        }

        foreach (var pending in batch)
        {
            pending.Done.TrySetResult();
        }
    }

    public async Task<bool> AlreadyProcessedAsync(string eventId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MashDbContext>();
        return await AlreadyApplied.For(db)(db, eventId, CancellationToken.None);
    }

    private async Task ApplyInOneSaveAsync(Subscription subscription, IReadOnlyList<PendingEvent> batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<MashDbContext>();
        var call = services.GetRequiredService<CallAudit>();
        var trail = services.GetRequiredService<AuditTrail>();
        var consumed = services.GetRequiredService<ConsumedEvent>();
        var applied = new List<AuditedCall>(batch.Count);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var pending in batch)
            {
                var envelope = pending.Envelope;
                if (!pending.FirstDelivery && await AlreadyApplied.For(db)(db, envelope.EventId, cancellationToken))
                {
                    continue;
                }

                BeginEvent(call, envelope);
                // Each handler's spans in its own event's trace; the drain runs in whichever event's started it.
                Activity.Current = pending.Trace;
                await pending.Registration.Invoke(services, envelope, cancellationToken);
                if (consumed.IsForAnotherService)
                {
                    throw new InvalidOperationException($"A handler of {envelope.Type} settles some events without an inbox row: it cannot apply them together.");
                }

                applied.Add(trail.TakeEventCall(db));
                db.Set<ProcessedEvent>().Add(Processed(subscription, envelope));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        if (applied.Count > 0)
        {
            // One save for events of several traces: in none of them.
            Activity.Current = null;
            await trail.SaveEventsWithAuditAsync(db, applied, cancellationToken);
        }
    }

    private async Task ApplyAloneAsync(Subscription subscription, PendingEvent pending)
    {
        Activity.Current = pending.Trace;
        try
        {
            await ApplyOnceAsync(subscription, pending.Envelope, pending.Registration, pending.FirstDelivery, pending.CancellationToken);
            pending.Done.TrySetResult();
        }
        catch (Exception failed)
        {
            pending.Done.TrySetException(failed);
        }
    }

    private static void BeginEvent(CallAudit call, EventEnvelope envelope) =>
        call.BeginEvent(AgencyNames.FromContract(envelope.OriginAgency), envelope.OriginNode, envelope.Type, envelope.Purpose, envelope.LawfulBasis);

    private ProcessedEvent Processed(Subscription subscription, EventEnvelope envelope) => new()
    {
        EventId = envelope.EventId,
        Subscription = subscription.Name,
        Type = envelope.Type,
        OriginNode = envelope.OriginNode,
        ProcessedAt = time.GetUtcNow().UtcDateTime,
    };
}
