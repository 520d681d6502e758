using Mash.Investigation.Data;
using Mash.Platform.Persistence;
using Mash.Testing.Postgres;

namespace Mash.Investigation.Tests.Functional;

/// <summary>The service's database on either provider: migrations that match the model, applied from empty.</summary>
public sealed class DatabaseProviderTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void The_migrations_of_each_provider_match_the_model(DatabaseProvider provider) =>
        MigrationAssertions.MatchModel<InvestigationDbContext>(provider);

    [Fact]
    public void The_SQLite_migrations_keep_the_ids_that_databases_in_use_have_recorded_and_PostgreSQL_has_its_own()
    {
        Assert.Equal(["20261202190242_InitialInvestigations", "20261202193628_StallReports"], MigrationAssertions.Ids<InvestigationDbContext>(DatabaseProvider.Sqlite));
        Assert.Empty(MigrationAssertions.Ids<InvestigationDbContext>(DatabaseProvider.PostgreSql).Intersect(MigrationAssertions.Ids<InvestigationDbContext>(DatabaseProvider.Sqlite)));
    }
}
