using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mash.Platform.Persistence;

/// <summary>
/// Ready only when the service's database is there (EF's CanConnect: for SQLite, the file exists)
/// and holds this version's schema: a database the migration step has not reached yet accepts
/// connections too, and every call would fail on it.
/// </summary>
internal sealed class DatabaseHealthCheck<TContext>(IDbContextFactory<TContext> contexts) : IHealthCheck
    where TContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database does not accept connections (or its file is missing).");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"The database's schema is {pending} migration(s) behind this version.");
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The database is unreachable ({failure.GetType().Name}).");
        }
    }
}
