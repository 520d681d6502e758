using Mash.Platform.Eventing;
using Mash.Platform.Hosting;
using Mash.Platform.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Mash.Platform.ServiceDefaults;

/// <summary>What a Mash service is to its host: how it adds its parts and maps its gRPC services, on the platform's defaults.</summary>
public sealed record MashServiceDefinition(
    string ServiceName, IReadOnlyList<string> Roles, Action<WebApplicationBuilder> AddService, Action<WebApplication> MapServices);

/// <summary>
/// The one way a service runs, in a process of its own (its Program.cs) or beside the others of a node in one
/// process (the node host of the embedded default): the platform's defaults, the service's parts, the schema
/// step, the pipeline, its gRPC services and the event consumers.
/// </summary>
public static class MashService
{
    /// <summary>Runs until <paramref name="stop"/> or the process is told to stop; the exit code (non-zero when a start was refused).</summary>
    public static async Task<int> RunAsync<TContext>(MashServiceDefinition service, string[] args, CancellationToken stop = default)
        where TContext : AuditedDbContext
    {
        var builder = MashHost.CreateBuilder(args);
        builder.AddMashServiceDefaults(service.ServiceName, service.Roles);
        service.AddService(builder);

        var app = builder.Build();
        if (await app.MigrateDatabaseAsync<TContext>() is { } exitCode)
        {
            return exitCode; // --migrate-only: the schema step of a deployment, then exit
        }

        app.UseMashServiceDefaults();
        service.MapServices(app);
        app.MapMashEventing();
        // IHost's RunAsync: WebApplication's own takes a URL, not a token.
        await HostingAbstractionsHostExtensions.RunAsync(app, stop);
        return 0;
    }
}
