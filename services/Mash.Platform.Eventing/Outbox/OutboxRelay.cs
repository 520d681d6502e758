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
/// A row is stamped published only after the broker accepted it, so a crash in between
/// publishes it again (the broker's duplicate detection and the consumers' inbox absorb that).
/// </summary>
/// <remarks>
/// The stamp waits: rows the broker accepted are stamped together, in one statement and one commit, once
/// <see cref="EventingOptions.OutboxStampDelay"/> has passed since the first of them (or when the relay stops).
/// Meanwhile the relay remembers the last row it sent and reads on from there. Stamping each batch alone cost the
/// service a flushed commit for every batch, as many as its writes at a steady rate. A crash before the stamp
/// sends at most that delay's rows again, as a crash between the send and the stamp always could.
/// </remarks>
internal sealed partial class OutboxRelay(
    IMashDbContextFactory contexts, AuditCommitQueue commits, IMessageTransport transport, OutboxSignal signal, OutboxLeadership leadership,
    OutboxProgress progress, IOptions<EventingOptions> options, TimeProvider time, ILogger<OutboxRelay> logger, EventingMetrics? metrics = null) : BackgroundService
{
    // The next rows to send, after the last one sent (rows sent but not yet stamped are still unpublished in the table).
    private static readonly PerModelQuery<Func<AuditedDbContext, long, int, IAsyncEnumerable<OutboxMessage>>> Unsent =
        new(() => EF.CompileAsyncQuery((AuditedDbContext db, long after, int take) =>
            db.Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.PublishedAt == null && m.Sequence > after)
                .OrderBy(m => m.Sequence)
                .Take(take)));

    /// <summary>The rows up to here are stamped (or were never this relay's to stamp).</summary>
    private long _stampedThrough;

    /// <summary>When the broker accepted the first row not yet stamped.</summary>
    private DateTimeOffset? _unstampedSince;

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
                if (UntilStampDue(settings.OutboxStampDelay) == TimeSpan.Zero)
                {
                    await StampPublishedAsync(stoppingToken);
                }

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
                var stampDue = UntilStampDue(settings.OutboxStampDelay);
                await signal.WaitAsync(stampDue is { } due && due < settings.OutboxPollInterval ? due : settings.OutboxPollInterval, stoppingToken);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            // What was sent is stamped before the process ends, so a restart does not send it again.
            await StampPublishedAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogStampFailed(e.GetType().Name, e.Message);
        }
    }

    /// <summary>Publishes the oldest rows not yet sent; returns how many.</summary>
    internal async Task<int> PublishBatchAsync(int batchSize, CancellationToken cancellationToken)
    {
        if (!await leadership.IsPublisherAsync(cancellationToken))
        {
            // Another replica publishes this database's outbox (poll to take over if it stops). What this one sent and
            // did not stamp, the other sends again; should this one lead again, it reads from the first unpublished row.
            (progress.SentThrough, _stampedThrough, _unstampedSince) = (0, 0, null);
            return 0;
        }

        List<OutboxMessage> batch;
        await using (var db = contexts.Create())
        {
            batch = await ToListAsync(Unsent.For(db)(db, progress.SentThrough, batchSize), cancellationToken);
        }

        if (batch.Count == 0)
        {
            return 0;
        }

        TransportMessage[] messages = [.. batch.Select(ToTransport)];
        using var publishing = EventTracing.StartPublish(messages);
        try
        {
            await transport.SendAsync(messages, cancellationToken);
            metrics?.RecordPublished(messages);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            publishing.Failed(e);
            await RecordFailedAttemptAsync(batch[0].Sequence, batch[^1].Sequence, $"{e.GetType().Name}: {e.Message}");
            throw;
        }

        progress.SentThrough = batch[^1].Sequence;
        _unstampedSince ??= time.GetUtcNow();
        return batch.Count;
    }

    /// <summary>Stamps published every row sent and not yet stamped, in one statement; returns how many.</summary>
    internal async Task<int> StampPublishedAsync(CancellationToken cancellationToken)
    {
        var sentThrough = progress.SentThrough;
        if (sentThrough <= _stampedThrough)
        {
            return 0;
        }

        var (from, through) = (_stampedThrough, sentThrough);
        var now = time.GetUtcNow().UtcDateTime;
        var stamped = 0;
        await using var db = contexts.Create();
        // Through the service's one writer (no audit entry: no child's record is read or changed).
        await commits.WriteAsync(db, AuditedCall.Unaudited, async inCommit => stamped = await inCommit.Set<OutboxMessage>()
            .Where(m => m.PublishedAt == null && m.Sequence > from && m.Sequence <= through)
            .ExecuteUpdateAsync(row => row
                .SetProperty(m => m.PublishedAt, now)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LastError, ""), CancellationToken.None), cancellationToken);
        _stampedThrough = through;
        if (_stampedThrough == progress.SentThrough)
        {
            _unstampedSince = null;
        }

        return stamped;
    }

    /// <summary>How long until the rows sent are due to be stamped: null while none wait, zero once due.</summary>
    private TimeSpan? UntilStampDue(TimeSpan delay)
    {
        if (_unstampedSince is not { } since)
        {
            return null;
        }

        var left = delay - (time.GetUtcNow() - since);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private async Task RecordFailedAttemptAsync(long from, long through, string error)
    {
        await using var db = contexts.Create();
        await commits.WriteAsync(db, AuditedCall.Unaudited, inCommit => inCommit.Set<OutboxMessage>()
            .Where(m => m.PublishedAt == null && m.Sequence >= from && m.Sequence <= through)
            .ExecuteUpdateAsync(row => row
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LastError, error), CancellationToken.None), CancellationToken.None);
    }

    private static async Task<List<OutboxMessage>> ToListAsync(IAsyncEnumerable<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        var list = new List<OutboxMessage>();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            list.Add(row);
        }

        return list;
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Publishing outbox events failed ({ExceptionType}: {Reason}); retrying in {BackoffMs} ms")]
    private partial void LogPublishFailed(string exceptionType, string reason, double backoffMs);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Stamping sent outbox events as published failed at stop ({ExceptionType}: {Reason}); they will be sent again after the restart")]
    private partial void LogStampFailed(string exceptionType, string reason);

    /// <summary>The row as the broker carries it, addressed to the nodes its envelope names.</summary>
    private static TransportMessage ToTransport(OutboxMessage m)
    {
        IReadOnlyList<string> nodes;
        try
        {
            nodes = MessageAddress.NodesOf(EventEnvelope.Parser.ParseFrom(m.Envelope));
        }
        catch (InvalidProtocolBufferException)
        {
            nodes = []; // Every node's consumer then dead-letters it with the reason, as before addresses.
        }

        return new TransportMessage(m.EventId, m.Topic, m.SessionId, m.Type, m.OriginNode, m.Envelope) { Nodes = nodes };
    }
}
