using Grpc.AspNetCore.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mash.Platform.Audit;

/// <summary>The audit trail of a service's calls, as the service defaults put it together.</summary>
public static class MashAudit
{
    public static IServiceCollection AddMashAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuditOptions>(configuration.GetSection(AuditOptions.Section));
        // With the SQLite WAL's limit where the persistence registered one (SQLite databases only).
        services.AddSingleton(sp => new AuditCommitQueue(sp.GetRequiredService<TimeProvider>(), sp.GetService<Persistence.SqliteWalLimit>() ?? new()));
        services.AddScoped<CallAudit>();
        services.AddScoped<AuditTrail>();
        return services;
    }

    /// <summary>Audits every call, after the outer interceptors (errors, limits) have run.</summary>
    public static GrpcServiceOptions AddAuditInterceptor(this GrpcServiceOptions grpc)
    {
        grpc.Interceptors.Add<AuditInterceptor>();
        return grpc;
    }
}
