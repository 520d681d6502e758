using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Mash.Platform.Telemetry;

/// <summary>
/// Traces and metrics for every Mash process, exported over OTLP when
/// OTEL_EXPORTER_OTLP_ENDPOINT is set. Without an exporter the OpenTelemetry SDK is not started
/// at all: recording a span for every call that nobody will ever read cost the services CPU on
/// every request (the instruments themselves stay, for in-process listeners such as tests).
/// </summary>
public static class MashTelemetry
{
    public const string SourceName = "Mash";

    public static void AddMashTelemetry(this WebApplicationBuilder builder, string serviceName)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceInstanceId: builder.Configuration["Mash:Node:Id"]))
            .WithTracing(tracing => tracing
                .AddSource(SourceName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics.AddMashMetrics(builder.Configuration.GetSection(TelemetryOptions.Section)
                .GetValue(nameof(TelemetryOptions.MetricSeriesLimit), new TelemetryOptions().MetricSeriesLimit)))
            .UseOtlpExporter();
    }

    /// <summary>The meters every process exports, each metric keeping at most <paramref name="seriesLimit"/> series (<see cref="TelemetryOptions.MetricSeriesLimit"/>).</summary>
    public static MeterProviderBuilder AddMashMetrics(this MeterProviderBuilder metrics, int seriesLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seriesLimit, 1);
        return metrics
            .AddMeter(SourceName)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddRuntimeInstrumentation()
            .AddView(_ => new MetricStreamConfiguration { CardinalityLimit = seriesLimit });
    }
}
