using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Mash.Platform.Telemetry;

/// <summary>Registers a service's metrics: instruments on the meter "Mash", and gauges refreshed in the background.</summary>
public static class MashMetrics
{
    /// <summary>Gauges computed by a query every <see cref="TelemetryOptions.GaugeRefreshInterval"/> (one singleton, also resolvable as itself).</summary>
    public static IServiceCollection AddRefreshedGauges<TGauges>(this IServiceCollection services)
        where TGauges : class, IRefreshedGauges
    {
        services.AddMetrics();
        services.TryAddSingleton<TGauges>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRefreshedGauges, TGauges>(sp => sp.GetRequiredService<TGauges>()));
        if (!services.Any(d => d.ServiceType == typeof(GaugeRefresher)))
        {
            services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section);
            services.AddSingleton<GaugeRefresher>();
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<GaugeRefresher>());
        }

        return services;
    }
}
