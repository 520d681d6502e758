using Mash.Platform.Persistence;
using Mash.Offender.Data;
using Mash.Offender.Tests.Support;
using Mash.Testing.Postgres;

namespace Mash.Offender.Tests.Functional;

/// <summary>The service's database on either provider: migrations that match the model, applied from empty.</summary>
public sealed class DatabaseProviderTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void The_migrations_of_each_provider_match_the_model(DatabaseProvider provider) =>
        MigrationAssertions.MatchModel<OffenderDbContext>(provider);

    [Fact]
    public void The_SQLite_migrations_keep_the_ids_that_databases_in_use_have_recorded_and_PostgreSQL_has_its_own()
    {
        Assert.Equal(["20261126074941_InitialOffenders", "20261201232500_RiskChangeInternalNote", "20261202004643_PartnerReceipts", "20261202114923_Governance"], MigrationAssertions.Ids<OffenderDbContext>(DatabaseProvider.Sqlite));
        Assert.Empty(MigrationAssertions.Ids<OffenderDbContext>(DatabaseProvider.PostgreSql).Intersect(MigrationAssertions.Ids<OffenderDbContext>(DatabaseProvider.Sqlite)));
    }

    [SkippableFact]
    public async Task An_empty_PostgreSQL_database_is_migrated_when_the_service_starts()
    {
        PostgresServer.Require();
        using var app = new OffenderPostgreSqlApp();
        Assert.True(app.OnPostgreSql);
        Assert.True(await app.WithDbAsync(MigrationAssertions.FullyMigratedAsync));
    }
}
