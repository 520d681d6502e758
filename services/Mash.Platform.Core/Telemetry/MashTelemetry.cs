using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
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

        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceInstanceId: builder.Configuration["Mash:Node:Id"]));
        if (!options.SharedProcess)
        {
            telemetry
                .WithTracing(tracing => tracing.AddMashTracing())
                .WithMetrics(metrics => metrics.AddMashMetrics(options.MetricSeriesLimit))
                .UseOtlpExporter();
            return;
        }

        // One of several applications in this process: its own exporters, which take only what it made.
        var owner = TelemetryOwner.Claim(serviceName);
        telemetry
            .WithTracing(tracing => tracing.AddMashTracing()
                .AddOwnSpansExport(owner, options.ProcessTelemetry, () => new OtlpTraceExporter(new OtlpExporterOptions())))
            .WithMetrics(metrics => metrics.AddOwnMashMetrics(options).AddOtlpExporter())
            .WithLogging(logging => logging.AddOtlpExporter());
    }

    /// <summary>The activity sources every process records.</summary>
    public static TracerProviderBuilder AddMashTracing(this TracerProviderBuilder tracing) => tracing
        .AddSource(SourceName)
        .AddAspNetCoreInstrumentation()
        .AddHttpClientInstrumentation();

    /// <summary>
    /// Exports, through <paramref name="exporter"/>, only the spans of the application <paramref name="owner"/> names, and
    /// the process's own spans when <paramref name="exportsProcessSpans"/> (see <see cref="SpanOwners"/>).
    /// </summary>
    public static TracerProviderBuilder AddOwnSpansExport(
        this TracerProviderBuilder tracing, TelemetryOwner owner, bool exportsProcessSpans, Func<BaseExporter<Activity>> exporter) => tracing
        // ASP.NET Core's activity source, one instance an application, tells its server spans from another's.
        .AddProcessor(services => new SpanOwners(owner, services.GetRequiredService<ActivitySource>()))
        .AddProcessor(_ => new OwnSpansExportProcessor(exporter(), owner, exportsProcessSpans));

    /// <summary>
    /// The meters every process exports, each metric keeping at most <paramref name="seriesLimit"/> series
    /// (<see cref="TelemetryOptions.MetricSeriesLimit"/>); those <paramref name="exported"/> refuses are not exported.
    /// </summary>
    public static MeterProviderBuilder AddMashMetrics(this MeterProviderBuilder metrics, int seriesLimit, Func<Instrument, bool>? exported = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seriesLimit, 1);
        return metrics
            .AddMeter(SourceName)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddRuntimeInstrumentation()
            .AddView(instrument => exported is null || exported(instrument)
                ? new MetricStreamConfiguration { CardinalityLimit = seriesLimit }
                : MetricStreamConfiguration.Drop);
    }

    /// <summary>
    /// <see cref="AddMashMetrics"/> for one application of a shared process: the metrics of the meters its own meter factory
    /// made, and the process's (the runtime's, those of meters no factory made) when <see cref="TelemetryOptions.ProcessTelemetry"/>.
    /// Every provider of a process sees every meter of a name it listens to, whichever application's factory made it.
    /// </summary>
    public static MeterProviderBuilder AddOwnMashMetrics(this MeterProviderBuilder metrics, TelemetryOptions options)
    {
        var own = new OwnMeterFactory();
        return metrics
            // Run while the provider is built, before any instrument is offered to the view: the one hook of this SDK
            // version that reaches the application's services then (ConfigureBuilder is internal for metrics).
            // The holder is returned, not the factory: the provider disposes what it is given, and the factory is DI's.
            .AddInstrumentation(services =>
            {
                own.Factory = services.GetRequiredService<IMeterFactory>();
                return own;
            })
            .AddMashMetrics(options.MetricSeriesLimit, instrument => instrument.Meter.Scope is IMeterFactory made
                ? ReferenceEquals(made, own.Factory)
                : options.ProcessTelemetry);
    }

    private sealed class OwnMeterFactory
    {
        public IMeterFactory? Factory { get; set; }
    }
}
