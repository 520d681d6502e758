using Mash.Contracts.Common.V1;
using Mash.Platform.Audit;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Hosting;
using Mash.Referral.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mash.Referral.Application;

namespace Mash.Referral.IntegrationEvents;

/// <summary>
/// Once after the upgrade that opens assessments at the decision instead of at receipt: announces each
/// decision made before it (marked by the migration) to this node's Assessment service, which closes,
/// with its reason, an assessment opened at receipt for a referral decided for no assessment. Nothing
/// else is started: a past decision does not require a discussion now. Runs in batches, each in its own
/// transaction with its events; after a crash the rest are announced at the next start.
/// </summary>
internal sealed partial class DecisionBackfill(IServiceScopeFactory scopes, IOptions<MashNodeOptions> node, ILogger<DecisionBackfill> logger) : BackgroundService
{
    private const int BatchSize = 100;
    private const string Purpose = "Reconciling assessments opened at receipt with decisions made before the upgrade";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var announced = 0;
            int batch;
            do
            {
                batch = await AnnounceBatchAsync(stoppingToken);
                announced += batch;
            }
            while (batch == BatchSize);

            if (announced > 0)
            {
                LogAnnounced(announced);
            }
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // What is left stays marked, and is announced at the next start.
            LogFailed(e.GetType().Name, e.Message);
        }
    }

    internal async Task<int> AnnounceBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
        var pending = await db.Referrals.Where(r => r.NextStepsPending).OrderBy(r => r.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        var audit = scope.ServiceProvider.GetRequiredService<CallAudit>();
        audit.BeginSystemWork(node.Value.Agency, "decision-backfill", Purpose, LawfulBasis.PublicTask);
        var outbox = scope.ServiceProvider.GetRequiredService<EventOutbox>();
        foreach (var record in pending)
        {
            var details = record.ParseDetails();
            outbox.Enqueue(db, Topics.Referrals, ReferralEvents.Decided(record, details, decidedBeforeUpgrade: true), record.ChildKey, details.LawfulBasis, Purpose);
            record.NextStepsPending = false;
            audit.Touch(record.ChildKey, record.Id);
        }

        await scope.ServiceProvider.GetRequiredService<AuditTrail>().SaveChangesWithAuditAsync(db, cancellationToken);
        return pending.Count;
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Announced {Count} decisions made before the upgrade to this node's Assessment service")]
    private partial void LogAnnounced(int count);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Announcing decisions made before the upgrade failed ({ExceptionType}: {Reason}); the rest are announced at the next start")]
    private partial void LogFailed(string exceptionType, string reason);
}
