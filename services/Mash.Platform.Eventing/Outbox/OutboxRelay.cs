using Google.Protobuf;
using Mash.Contracts.Events.V1;
using Mash.Platform.Audit;
using Mash.Platform.Eventing.Transport;
using Mash.Platform.Persistence;
using Mash.Platform.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mash.Platform.Eventing.Telemetry;

namespace Mash.Platform.Eventing.Outbox;

/// <summary>
/// Publishes committed outbox rows in the order they were written: woken at once by each
/// commit, polling for rows a crash left behind, and backing off while the transport is down.
/// A row is marked published only after the broker accepted it, so a crash in between
/// publishes it again (the broker's duplicate detection and the consumers' inbox absorb that).
/// </summary>
internal sealed partial class OutboxRelay(
    IMashDbContextFactory contexts, AuditCommitQueue commits, IMessageTransport transport, OutboxSignal signal, OutboxLeadership leadership,
    IOptions<EventingOptions> options, TimeProvider time, ILogger<OutboxRelay> logger, EventingMetrics? metrics = null) : BackgroundService
{
    // The poll interval already bounds how late a row a crash left behind is found; a row committed behind the cursor is found as soon.
    private readonly OutboxCursor _cursor = new(time, options.Value.OutboxPollInterval);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var backoff = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
            int published;
            try
            {
                published = await PublishBatchAsync(settings.OutboxBatchSize, stoppingToken);
                backoff = TimeSpan.FromMilliseconds(100);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogPublishFailed(e.GetType().Name, e.Message, backoff.TotalMilliseconds);
                await Task.Delay(backoff, time, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, settings.OutboxMaxBackoff.Ticks));
                continue;
            }

            if (published < settings.OutboxBatchSize)
            {
                await signal.WaitAsync(settings.OutboxPollInterval, stoppingToken);
            }
        }
    }

    /// <summary>Publishes the oldest unpublished rows; returns how many.</summary>
    internal async Task<int> PublishBatchAsync(int batchSize, CancellationToken cancellationToken)
    {
        if (!await leadership.IsPublisherAsync(cancellationToken))
        {
            return 0; // another replica publishes this database's outbox; poll to take over if it stops
        }

        await using var db = contexts.Create();
        var after = _cursor.NextQueryAfter();
        var batch = await db.Set<OutboxMessage>()
            .Where(m => m.PublishedAt == null && m.Sequence > after)
            .OrderBy(m => m.Sequence)
            .Take(batchSize)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        TransportMessage[] events = [.. batch.Select(ToTransport)];
        // Each event keeps its own publish span and count, whether it travels alone or in a batch.
        using var publishing = EventTracing.StartPublish(events);
        try
        {
            await transport.SendAsync(EventBatches.Group(events, options.Value.EventsPerBatchMessage), cancellationToken);
            metrics?.RecordPublished(events);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            publishing.Failed(e);
            foreach (var message in batch)
            {
                message.Attempts++;
                message.LastError = $"{e.GetType().Name}: {e.Message}";
            }

            await commits.SaveAsync(db, AuditedCall.Unaudited, CancellationToken.None);
            throw;
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var message in batch)
        {
            message.Attempts++;
            message.PublishedAt = now;
            message.LastError = "";
        }

        // Through the service's one writer (no audit entry: no child's record is read or changed):
        // a second writer would meet the first's lock, and SQLite answers that with long sleeps.
        await commits.SaveAsync(db, AuditedCall.Unaudited, CancellationToken.None);
        _cursor.Published(batch[^1].Sequence);
        return batch.Count;
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Publishing outbox events failed ({ExceptionType}: {Reason}); retrying in {BackoffMs} ms")]
    private partial void LogPublishFailed(string exceptionType, string reason, double backoffMs);

    /// <summary>The row as the broker carries it, addressed to the nodes (and the service) its envelope names.</summary>
    private static TransportMessage ToTransport(OutboxMessage m)
    {
        IReadOnlyList<string> nodes;
        string service;
        try
        {
            var envelope = EventEnvelope.Parser.ParseFrom(m.Envelope);
            (nodes, service) = (MessageAddress.NodesOf(envelope), MessageAddress.ServiceOf(envelope));
        }
        catch (InvalidProtocolBufferException)
        {
            (nodes, service) = ([], ""); // Every consumer then dead-letters it with the reason, as before addresses.
        }

        return new TransportMessage(m.EventId, m.Topic, m.SessionId, m.Type, m.OriginNode, m.Envelope) { Nodes = nodes, Service = service };
    }
}
