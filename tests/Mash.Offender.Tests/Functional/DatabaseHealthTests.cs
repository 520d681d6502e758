using Grpc.Health.V1;
using Grpc.Net.Client;
using Mash.Offender.Tests.Support;
using Mash.Testing.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mash.Offender.Tests.Functional;

/// <summary>
/// Readiness means the database can serve this version: a schema one migration behind (the
/// migration step has not reached it yet) is not ready, on either provider, until it is migrated.
/// </summary>
public sealed class DatabaseHealthTests
{
    [Fact]
    public Task On_SQLite_a_schema_a_migration_behind_is_not_ready_until_migrated() => BehindThenMigratedAsync(new OffenderApp());

    [SkippableFact]
    public Task On_PostgreSQL_a_schema_a_migration_behind_is_not_ready_until_migrated()
    {
        PostgresServer.Require();
        return BehindThenMigratedAsync(new OffenderPostgreSqlApp());
    }

    private static async Task BehindThenMigratedAsync(OffenderApp app)
    {
        using (app)
        {
            using var channel = GrpcChannel.ForAddress(app.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = app.Server.CreateHandler() });
            var health = new Health.HealthClient(channel);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);

            await app.WithDbAsync(async db =>
            {
                var migrations = db.Database.GetMigrations().ToList();
                await db.GetService<IMigrator>().MigrateAsync(migrations[^2]);
                return true;
            });
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, (await health.CheckAsync(new HealthCheckRequest())).Status);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest { Service = "liveness" })).Status);

            await app.WithDbAsync(async db =>
            {
                await db.Database.MigrateAsync();
                return true;
            });
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);
        }
    }
}
