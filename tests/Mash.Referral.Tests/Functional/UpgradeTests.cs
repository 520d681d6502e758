using Mash.Testing;
using Google.Protobuf;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Eventing;
using Mash.Platform.Persistence;
using Mash.Referral.Data;
using Mash.Referral.Tests.Support;
using Mash.Testing.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mash.Referral.Tests.Functional;

public sealed class UpgradeSqliteTests() : UpgradeScenarios(DatabaseProvider.Sqlite);

public sealed class UpgradePostgreSqlTests() : UpgradeScenarios(DatabaseProvider.PostgreSql);

/// <summary>
/// A database from before front doors and next steps at the decision, migrated: its referrals keep
/// their queue, and each decision already made is announced once to the Assessment service, which
/// closes an assessment opened at receipt that the decision did not call for.
/// </summary>
public abstract class UpgradeScenarios(DatabaseProvider provider) : IDisposable
{
    private static readonly DateTime Monday = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
    private readonly string _data = TempDataDirectories.Create("mash-referral-upgrade-");
    private PostgresDatabase? _postgres;

    public void Dispose()
    {
        _postgres?.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public async Task Referrals_stored_before_keep_their_queue_and_each_earlier_decision_is_announced_once()
    {
        var connectionString = await DatabaseAsync();
        await using (var db = Context(connectionString))
        {
            var migrations = db.Database.GetMigrations().ToList();
            // The last schema before front doors.
            await db.GetService<IMigrator>().MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_FrontDoorAndReceivedTime", StringComparison.Ordinal)) - 1]);
            await InsertAsync(db, "ref_waiting", status: 1, ragDueAt: null, outcome: 0);
            await InsertAsync(db, "ref_red", status: 2, ragDueAt: Monday.AddHours(4), outcome: 0);
            await InsertAsync(db, "ref_nfa", status: 3, ragDueAt: Monday.AddHours(72), outcome: (int)ReferralOutcome.NoFurtherAction);
        }

        using var app = new ReferralApp(_data, settings: Settings(connectionString));
        var client = app.Client();
        var queue = (await client.ListReferralsAsync(new ListReferralsRequest(), app.As())).Referrals.ToDictionary(r => r.ReferralId);

        Assert.All(queue.Values, r => Assert.Equal(ReferralRole.FrontDoor, r.Role));
        Assert.All(queue.Values, r => Assert.Equal(r.ReceivedAt, r.EnteredAt));
        Assert.All(queue.Values, r => Assert.Equal(ReferralApp.FrontDoorNode, r.FrontDoorNode));
        Assert.Equal(ReferralDeadline.Decision, queue["ref_waiting"].DueDeadline);
        Assert.Equal(ReferralDeadline.ScreeningRag, queue["ref_red"].DueDeadline);
        Assert.Equal(ReferralDeadline.Decision, queue["ref_nfa"].DueDeadline);

        await Eventually.TrueAsync(async () => !await app.WithDbAsync(db => db.Referrals.AnyAsync(r => r.NextStepsPending)));
        var announced = Assert.Single(await app.SentAsync(Topics.Referrals)).Payload<ReferralDecided>();
        Assert.Equal("ref_nfa", announced.ReferralId);
        Assert.True(announced.DecidedBeforeUpgrade);
        Assert.False(announced.AssessmentRequired);
        Assert.Empty(await app.SentAsync(Topics.StrategyTriggers));
        var audited = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.RecordId == "ref_nfa" && e.Method == "system:decision-backfill"));
        Assert.Equal("system:decision-backfill", audited.ClientId);

        // Restarted, nothing is announced again.
        app.Dispose();
        using var restarted = new ReferralApp(_data, settings: Settings(connectionString));
        await restarted.Client().ListReferralsAsync(new ListReferralsRequest(), restarted.As());
        Assert.Single(await restarted.SentAsync(Topics.Referrals));
    }

    private async Task<string> DatabaseAsync()
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            return $"Data Source={Path.Combine(_data, "referral.db")};Pooling=False";
        }

        _postgres = await PostgresServer.Require().CreateDatabaseAsync("mash_referral_upgrade");
        return _postgres.ConnectionString;
    }

    private Dictionary<string, string> Settings(string connectionString) => provider == DatabaseProvider.Sqlite
        ? []
        : new() { [DatabaseSettings.ProviderKey] = nameof(DatabaseProvider.PostgreSql), ["ConnectionStrings:" + ReferralServiceSetup.DatabaseName] = connectionString };

    private ReferralDbContext Context(string connectionString) =>
        new((DbContextOptions<ReferralDbContext>)new DbContextOptionsBuilder<ReferralDbContext>().UseMashDatabase(provider, connectionString).Options);

    /// <summary>A row as the earlier schema held it (times left unset are written, then cleared: raw SQL takes no null parameters).</summary>
    private static async Task InsertAsync(ReferralDbContext db, string id, int status, DateTime? ragDueAt, int outcome)
    {
        var decisionDue = Monday.AddDays(1);
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "Referrals" ("Id", "ClientId", "IdempotencyKey", "RequestHash", "SubmittedByAgency", "ChildKey", "ChildMatch", "Area",
                "Status", "ReceivedAt", "DecisionDueAt", "DueAt", "CompletenessScore", "Completeness", "Details", "Rag", "ScreeningRationale",
                "ScreenedAt", "RagDueAt", "ScreenedBy", "Outcome", "DecisionRationale", "DecidedAt", "DecisionBreached", "LatenessReason", "DecidedBy", "Version")
            VALUES ({0}, 'police-mash', {0}, 'hash', 'police', 'child-key', 1, 'default',
                {1}, {2}, {3}, {4}, 100, {5}, {6}, {7}, '', {8}, {9}, '', {10}, '', {11}, FALSE, '', '', 1)
            """,
            id, status, Monday, decisionDue, ragDueAt is { } rag && rag < decisionDue ? rag : decisionDue,
            new Completeness { Score = 100 }.ToByteArray(), Samples.FullReferral().ToByteArray(),
            ragDueAt is null ? 0 : (int)Rag.Red, Monday.AddMinutes(30), ragDueAt ?? Monday, outcome, Monday.AddHours(2));
        if (ragDueAt is null)
        {
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Referrals" SET "ScreenedAt" = NULL, "RagDueAt" = NULL WHERE "Id" = {0}""", id);
        }

        if (status != 3)
        {
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Referrals" SET "DecidedAt" = NULL WHERE "Id" = {0}""", id);
        }
    }
}
