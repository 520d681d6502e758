using Mash.Testing;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Persistence;
using Mash.Referral.Data;
using Mash.Referral.Tests.Support;
using Mash.Testing.Postgres;

namespace Mash.Referral.Tests.Functional;

/// <summary>The service's database on either provider: migrations that match the model, applied from empty.</summary>
public sealed class DatabaseProviderTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void The_migrations_of_each_provider_match_the_model(DatabaseProvider provider) =>
        MigrationAssertions.MatchModel<ReferralDbContext>(provider);

    [Fact]
    public void The_SQLite_migrations_keep_the_ids_that_databases_in_use_have_recorded_and_PostgreSQL_has_its_own()
    {
        Assert.Equal(["20261126060150_InitialReferrals", "20261126063809_AddEventing", "20261126132908_AddQueueFiguresIndex", "20261201220346_FrontDoorAndReceivedTime", "20261202003453_PartnerReceipts", "20261202114850_Governance", "20261202200844_FiguresIndex", "20261203063826_ReferralCounts"], MigrationAssertions.Ids<ReferralDbContext>(DatabaseProvider.Sqlite));
        Assert.Empty(MigrationAssertions.Ids<ReferralDbContext>(DatabaseProvider.PostgreSql).Intersect(MigrationAssertions.Ids<ReferralDbContext>(DatabaseProvider.Sqlite)));
    }

    [SkippableFact]
    public async Task An_empty_PostgreSQL_database_is_migrated_when_the_service_starts()
    {
        PostgresServer.Require();
        using var app = ReferralApp.WithPostgreSql();
        Assert.True(await app.WithDbAsync(MigrationAssertions.FullyMigratedAsync));
    }

    [SkippableFact]
    public async Task On_PostgreSQL_a_referral_is_submitted_read_and_listed_and_a_retry_is_replayed()
    {
        PostgresServer.Require();
        using var app = ReferralApp.WithPostgreSql();
        var client = app.Client();

        var submitted = (await client.SubmitReferralAsync(Samples.Submit("pg-round-trip"), app.As("police-mash"))).Referral;
        var read = await client.GetReferralAsync(new GetReferralRequest { ReferralId = submitted.ReferralId }, app.As("police-mash"));
        var listed = await client.ListReferralsAsync(new ListReferralsRequest(), app.As("police-mash"));
        var replay = await client.SubmitReferralAsync(Samples.Submit("pg-round-trip"), app.As("police-mash"));

        Assert.Equal(submitted.ReferralId, read.ReferralId);
        Assert.Equal("Amy", read.Details.Child.GivenName);
        Assert.Equal(submitted.DecisionDueAt, read.DecisionDueAt);
        Assert.Equal([submitted.ReferralId], listed.Referrals.Select(r => r.ReferralId));
        Assert.True(replay.Replayed);
        Assert.Equal(submitted.ReferralId, replay.Referral.ReferralId);
        Assert.Equal(1, await app.CountReferralsAsync());
    }
}

/// <summary>The schema step of a deployment: the service's own program, run with --migrate-only as a Kubernetes Job runs it.</summary>
public sealed class MigrateOnlyTests
{
    private static async Task<(int ExitCode, string Output)> RunMigrateOnlyAsync(string connectionString)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["DOTNET_ENVIRONMENT"] = "Development",
                ["Mash__Database__Provider"] = "PostgreSql",
                ["ConnectionStrings__referral"] = connectionString,
                ["Mash__DataDirectory"] = TempDataDirectories.Create("mash-referral-migrate-"),
            },
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Mash.Referral.dll"));
        start.ArgumentList.Add(DatabaseSettings.MigrateOnlyArgument);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    [SkippableFact]
    public async Task Migrate_only_migrates_an_empty_PostgreSQL_database_and_exits_0_then_finds_nothing_to_do()
    {
        await using var database = await PostgresServer.Require().CreateDatabaseAsync("mash_referral_job");

        var first = await RunMigrateOnlyAsync(database.ConnectionString);
        var second = await RunMigrateOnlyAsync(database.ConnectionString);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("Migrated the referral database on PostgreSql", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(MigrationAssertions.Ids<ReferralDbContext>(DatabaseProvider.PostgreSql)[^1], LastMigration(second.Output));
    }

    [Fact]
    public async Task Migrate_only_that_cannot_reach_the_database_exits_non_zero_saying_why_without_the_password()
    {
        var (exitCode, output) = await RunMigrateOnlyAsync("Host=127.0.0.1;Port=1;Username=mash;Password=never-logged;Timeout=2");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Migrating the referral database on PostgreSql failed", output, StringComparison.Ordinal);
        Assert.DoesNotContain("never-logged", output, StringComparison.Ordinal);
    }

    private static string LastMigration(string output)
    {
        const string marker = "its schema is at ";
        var start = output.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return output[start..output.IndexOf(' ', start)];
    }
}
