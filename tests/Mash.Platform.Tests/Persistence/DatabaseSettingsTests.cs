using Mash.Platform.Hosting;
using Mash.Platform.Persistence;
using Mash.Platform.Tests.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Mash.Platform.Tests.Persistence;

public sealed class DatabaseSettingsTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("", DatabaseProvider.Sqlite)]
    [InlineData("SQLITE", DatabaseProvider.Sqlite)]
    [InlineData("PostgreSql", DatabaseProvider.PostgreSql)]
    [InlineData(" postgresql ", DatabaseProvider.PostgreSql)]
    public void The_provider_is_SQLite_unless_PostgreSql_is_named_in_any_case(string? value, DatabaseProvider expected)
    {
        var settings = value is null ? Settings() : Settings((DatabaseSettings.ProviderKey, value));
        Assert.Equal(expected, DatabaseSettings.Provider(settings));
    }

    [Theory]
    [InlineData("Oracle")]
    [InlineData("1")]
    [InlineData("Sqlite,PostgreSql")]
    public void Any_other_provider_stops_the_service_naming_the_setting_and_the_choices(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseSettings.Provider(Settings((DatabaseSettings.ProviderKey, value))));

        Assert.Contains("Mash:Database:Provider", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sqlite", error.Message, StringComparison.Ordinal);
        Assert.Contains("PostgreSql", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrating_at_start_is_the_default_and_can_be_left_to_a_separate_step()
    {
        Assert.True(DatabaseSettings.MigrateOnStart(Settings()));
        Assert.False(DatabaseSettings.MigrateOnStart(Settings((DatabaseSettings.MigrateOnStartKey, "false"))));
    }

    [Fact]
    public void PostgreSql_without_the_services_connection_string_stops_the_service_saying_which_one()
    {
        var builder = MashHost.CreateBuilder([$"--{DatabaseSettings.ProviderKey}=PostgreSql"]);

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddMashPersistence<AuditTestDb>("referral"));

        Assert.Contains("ConnectionStrings:referral", error.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__referral", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_migration_at_start_switched_off_the_service_starts_without_touching_its_database()
    {
        // Port 1 refuses connections: any attempt to migrate would fail.
        var builder = MashHost.CreateBuilder([
            $"--{DatabaseSettings.ProviderKey}=PostgreSql",
            "--ConnectionStrings:referral=Host=127.0.0.1;Port=1;Timeout=2",
            $"--{DatabaseSettings.MigrateOnStartKey}=false"]);
        builder.AddMashPersistence<AuditTestDb>("referral");
        await using var app = builder.Build();

        Assert.Null(await app.MigrateDatabaseAsync<AuditTestDb>());
    }

    [Fact]
    public async Task Migrate_only_that_cannot_reach_the_database_exits_non_zero()
    {
        var builder = MashHost.CreateBuilder([
            DatabaseSettings.MigrateOnlyArgument,
            $"--{DatabaseSettings.ProviderKey}=PostgreSql",
            "--ConnectionStrings:referral=Host=127.0.0.1;Port=1;Timeout=2;Password=not-in-logs"]);
        builder.AddMashPersistence<AuditTestDb>("referral");
        await using var app = builder.Build();

        Assert.Equal(1, await app.MigrateDatabaseAsync<AuditTestDb>());
    }
}
