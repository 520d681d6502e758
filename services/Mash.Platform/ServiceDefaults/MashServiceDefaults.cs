using Mash.Platform.Hosting;
using Mash.Platform.Hosting.InProcess;
using Mash.Platform.Audit;
using Mash.Platform.Auth;
using Mash.Platform.Errors;
using Mash.Platform.Eventing.Transport;
using Mash.Platform.Identity;
using Mash.Platform.Limits;
using Mash.Platform.Rest;
using Mash.Platform.Telemetry;
using Mash.Platform.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mash.Platform.ServiceDefaults;

/// <summary>What every Mash gRPC service sets up the same way.</summary>
public static class MashServiceDefaults
{
    public static WebApplicationBuilder AddMashServiceDefaults(this WebApplicationBuilder builder, string serviceName, IEnumerable<string> roles)
    {
        var services = builder.Services;
        services.Configure<MashNodeOptions>(builder.Configuration.GetSection(MashNodeOptions.Section));
        services.Configure<CalendarOptions>(builder.Configuration.GetSection(CalendarOptions.Section));
        services.Configure<DateBoundsOptions>(builder.Configuration.GetSection(DateBoundsOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WorkingCalendars>();
        services.AddSingleton<ServiceClock>();
        services.AddSingleton(new ChildKeyHasher(PartnershipSecret.Load(builder.Configuration, builder.Environment)));

        builder.AddMashAuthentication();
        services.AddMashAuthorization(roles);

        services.AddSingleton<IMessageTransport>(TransportFactory.Create(builder.Configuration));
        services.AddMashAudit(builder.Configuration);
        // The audit step runs inside the platform's checks, so its exceptions are mapped too.
        services.AddGrpc(grpc => grpc.AddMashRequestChecks().AddAuditInterceptor()).AddMashRestApi(serviceName);
        services.AddMashHealth();
        services.AddDevelopmentReflection(builder.Environment);
        builder.AddMashTelemetry(serviceName);
        builder.WebHost.AnswerInProcessWhenEnabled(builder.Configuration);
        return builder;
    }

    public static WebApplication UseMashServiceDefaults(this WebApplication app)
    {
        app.UseNoDetailsForUnhandledErrors();
        app.UseNoChildIdentityInUrl();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authorization: only callers allowed the RPC get their bytes parsed.
        app.UseGrpcRequestGuard();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapDevelopmentReflection();
        app.MapMashOpenApi();
        return app;
    }
}
