using Mash.Custody.Data;
using Mash.Custody.Tests.Support;
using Mash.Platform.Persistence;
using Mash.Testing.Postgres;

namespace Mash.Custody.Tests.Functional;

/// <summary>The service's database on either provider: migrations that match the model, applied from empty.</summary>
public sealed class DatabaseProviderTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void The_migrations_of_each_provider_match_the_model(DatabaseProvider provider) =>
        MigrationAssertions.MatchModel<CustodyDbContext>(provider);

    [Fact]
    public void The_SQLite_migrations_keep_the_ids_that_databases_in_use_have_recorded_and_PostgreSQL_has_its_own()
    {
        Assert.Equal(["20261202150129_InitialCustody", "20261203021321_SchoolNotifications"], MigrationAssertions.Ids<CustodyDbContext>(DatabaseProvider.Sqlite));
        Assert.Empty(MigrationAssertions.Ids<CustodyDbContext>(DatabaseProvider.PostgreSql).Intersect(MigrationAssertions.Ids<CustodyDbContext>(DatabaseProvider.Sqlite)));
    }

    [SkippableFact]
    public async Task On_PostgreSQL_a_detention_is_recorded_its_request_sent_and_the_breaches_listed()
    {
        PostgresServer.Require();
        using var app = new CustodyPostgreSqlApp();
        Assert.True(app.OnPostgreSql);
        Assert.True(await app.WithDbAsync(MigrationAssertions.FullyMigratedAsync));
        var arrested = app.Now.AddHours(-10);
        var opened = await app.OpenAsync(CustodyApp.Child("Pia", new DateOnly(2012, 4, 4)), arrested);
        await app.ChargeAsync(opened.DetentionId, arrested.AddHours(1));
        var refused = await app.RefuseBailAsync(opened.DetentionId, arrested.AddHours(2));

        Assert.Equal(Contracts.Custody.V1.AccommodationRequestState.AwaitingAnswer, Assert.Single(refused.AccommodationRequests).State);
        var breaches = await app.Client().ListCustodyBreachesAsync(new Contracts.Custody.V1.ListCustodyBreachesRequest { OngoingOnly = true }, app.As());
        Assert.Contains(breaches.Breaches, b => b.Kind == Contracts.Custody.V1.CustodyBreachKind.CertificateMissing);
        Assert.Contains(breaches.Breaches, b => b.Kind == Contracts.Custody.V1.CustodyBreachKind.ReviewOverdue);
        var second = await app.OpenAsync(CustodyApp.Child("Rob", new DateOnly(2012, 5, 5)), arrested.AddHours(1));
        var first = await app.Client().ListDetentionsAsync(new Contracts.Custody.V1.ListDetentionsRequest { InCustodyOnly = true, Page = new Contracts.Common.V1.PageRequest { PageSize = 1 } }, app.As());
        var next = await app.Client().ListDetentionsAsync(new Contracts.Custody.V1.ListDetentionsRequest
        {
            InCustodyOnly = true, Page = new Contracts.Common.V1.PageRequest { PageSize = 1, PageToken = first.NextPageToken },
        }, app.As());
        Assert.Equal([opened.DetentionId, second.DetentionId], first.Detentions.Concat(next.Detentions).Select(d => d.DetentionId));
    }
}
