using Mash.Platform.Persistence;
using Mash.Assessment.Data;
using Mash.Assessment.Tests.Support;
using Mash.Testing.Postgres;

namespace Mash.Assessment.Tests.Functional;

/// <summary>The service's database on either provider: migrations that match the model, applied from empty.</summary>
public sealed class DatabaseProviderTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void The_migrations_of_each_provider_match_the_model(DatabaseProvider provider) =>
        MigrationAssertions.MatchModel<AssessmentDbContext>(provider);

    [Fact]
    public void The_SQLite_migrations_keep_the_ids_that_databases_in_use_have_recorded_and_PostgreSQL_has_its_own()
    {
        Assert.Equal(["20261126063717_InitialAssessments", "20261201220459_CloseAssessmentsNotNeeded", "20261202001431_CseFlagSuspect", "20261202004635_PartnerReceipts", "20261202012703_KnownChildren", "20261202114901_Governance", "20261202160209_MissingEpisodes", "20261202161301_PhilomenaProfiles", "20261202183839_InterviewReferrals", "20261202193638_InvestigationStalls"], MigrationAssertions.Ids<AssessmentDbContext>(DatabaseProvider.Sqlite));
        Assert.Empty(MigrationAssertions.Ids<AssessmentDbContext>(DatabaseProvider.PostgreSql).Intersect(MigrationAssertions.Ids<AssessmentDbContext>(DatabaseProvider.Sqlite)));
    }

    [SkippableFact]
    public async Task An_empty_PostgreSQL_database_is_migrated_when_the_service_starts()
    {
        PostgresServer.Require();
        using var app = new AssessmentPostgreSqlApp();
        Assert.True(app.OnPostgreSql);
        Assert.True(await app.WithDbAsync(MigrationAssertions.FullyMigratedAsync));
    }
}
