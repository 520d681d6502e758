using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Mash.Platform.Hosting.InProcess;
using Mash.Platform.Telemetry;
using Mash.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Mash.Platform.Tests.Telemetry;

/// <summary>
/// Applications sharing a process (the one-process node) each export only what they made, and one of them what belongs
/// to the process: every OpenTelemetry provider of a process listens to every meter and activity source by name, so
/// without this each application would export all the others' spans and metrics as its own.
/// </summary>
public sealed class SharedProcessTelemetryTests
{
    private static readonly ActivitySource Mash = new(MashTelemetry.SourceName);

    [Fact]
    public void Each_application_exports_the_metrics_of_its_own_meters_and_only_one_the_process_metrics()
    {
        var name = $"mash.test.shared.{Guid.NewGuid():N}";
        var (gatewayMetrics, gateway) = MetricsApp(processTelemetry: true);
        var (referralMetrics, referral) = MetricsApp(processTelemetry: false);
        using var stopGateway = gateway;
        using var stopReferral = referral;
        using var processMeter = new Meter(MashTelemetry.SourceName);
        gateway.GetRequiredService<IMeterFactory>().Create(MashTelemetry.SourceName).CreateCounter<long>(name).Add(2);
        referral.GetRequiredService<IMeterFactory>().Create(MashTelemetry.SourceName).CreateCounter<long>(name).Add(3);
        processMeter.CreateCounter<long>(name + ".process").Add(7);
        // Read as exported, before each provider's own export at its end adds a second copy.
        gateway.GetRequiredService<MeterProvider>().ForceFlush();
        referral.GetRequiredService<MeterProvider>().ForceFlush();

        Assert.Equal(2, Sum(gatewayMetrics, name));
        Assert.Equal(3, Sum(referralMetrics, name));
        Assert.Equal(7, Sum(gatewayMetrics, name + ".process"));
        Assert.DoesNotContain(referralMetrics, m => m.Name == name + ".process");
        Assert.Contains(gatewayMetrics, m => m.Name.StartsWith("dotnet.gc.", StringComparison.Ordinal));
        Assert.DoesNotContain(referralMetrics, m => m.Name.StartsWith("dotnet.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_application_exports_its_own_spans_once_a_request_handed_to_it_through_memory_included()
    {
        var gatewaySpans = new List<Activity>();
        var referralSpans = new List<Activity>();
        // Each built and started on a flow of its own, as the node host does.
        var referralAt = $"127.0.0.1:{LoopbackPorts.Free()}";
        await using var referral = await Task.Run(() => StartAsync("mash-referral", processTelemetry: false, referralSpans, referralAt, forwardTo: null));
        await using var gateway = await Task.Run(() => StartAsync("mash-gateway", processTelemetry: true, gatewaySpans, $"127.0.0.1:{LoopbackPorts.Free()}", forwardTo: referralAt));

        // A partner's call, carrying the partner's trace.
        var partnerTrace = ActivityTraceId.CreateRandom();
        var partnerSpan = ActivitySpanId.CreateRandom();
        // A partner's own client: it sends the header it was given, not a span of this process.
        using var client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null });
        using var call = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://{gateway.Urls.Single()[7..]}/forward"));
        call.Headers.Add("traceparent", $"00-{partnerTrace}-{partnerSpan}-01");
        using var answer = await client.SendAsync(call);
        Assert.Equal("referral", await answer.Content.ReadAsStringAsync());
        using (Mash.StartActivity("process.work"))
        {
            // Begun on no application's flow, with no parent: the process's.
        }

        await FlushUntilAsync(gateway, referral, () => Has(referralSpans, "GET /work") && Has(gatewaySpans, "GET /forward"));

        Assert.True(Has(referralSpans, "referral.work"), "the service's own span, under its server span");
        Assert.True(Has(referralSpans, "referral.background"), "a span its hosted service began, with no parent");
        Assert.True(Has(gatewaySpans, "gateway.background"));
        Assert.True(Has(gatewaySpans, "process.work"));
        Assert.DoesNotContain(gatewaySpans, s => s.DisplayName is "GET /work" or "referral.work" or "referral.background");
        Assert.DoesNotContain(referralSpans, s => s.DisplayName is "GET /forward" or "gateway.background" or "process.work");
        // One trace from the partner: the service's server span is a child of the gateway's across the hop through
        // memory, not of the partner's span whose header the gateway passed on.
        var forwarded = Single(gatewaySpans, "GET /forward");
        var handled = Single(referralSpans, "GET /work");
        Assert.Equal(partnerSpan, forwarded.ParentSpanId);
        Assert.Equal(partnerTrace, handled.TraceId);
        Assert.Equal(forwarded.SpanId, handled.ParentSpanId);
        // Each span exported once in all.
        Assert.Equal(gatewaySpans.Count + referralSpans.Count, gatewaySpans.Concat(referralSpans).Select(s => s.SpanId).Distinct().Count());
    }

    private static (List<Metric> Exported, ServiceProvider App) MetricsApp(bool processTelemetry)
    {
        var exported = new List<Metric>();
        var services = new ServiceCollection().AddMetrics();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddOwnMashMetrics(new TelemetryOptions { SharedProcess = true, ProcessTelemetry = processTelemetry })
            .AddInMemoryExporter(exported));
        var app = services.BuildServiceProvider();
        _ = app.GetRequiredService<MeterProvider>();
        return (exported, app);
    }

    /// <summary>An application on Kestrel at <paramref name="at"/>, answering callers of this process through memory too, as a node's do.</summary>
    private static async Task<WebApplication> StartAsync(string name, bool processTelemetry, List<Activity> exported, string at, string? forwardTo)
    {
        var owner = TelemetryOwner.Claim(name);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPEndPoint.Parse(at)));
        builder.WebHost.AnswerInProcess([at]);
        builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing
            .AddMashTracing()
            .AddOwnSpansExport(owner, processTelemetry, () => new InMemoryExporter<Activity>(exported)));
        builder.Services.AddHostedService(_ => new SpanAtStart(name.Replace("mash-", "", StringComparison.Ordinal) + ".background"));
        var app = builder.Build();
        app.MapGet("/work", () =>
        {
            using (Mash.StartActivity("referral.work"))
            {
                return "referral";
            }
        });
        if (forwardTo is not null)
        {
            app.MapGet("/forward", async (HttpContext context) =>
            {
                using var toService = new HttpClient(new InProcessHandler(new SocketsHttpHandler()));
                using var forward = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://{forwardTo}/work"));
                // As the gateway's proxy does, the caller's headers go on.
                forward.Headers.TryAddWithoutValidation("traceparent", context.Request.Headers.TraceParent.ToString());
                using var answer = await toService.SendAsync(forward);
                return await answer.Content.ReadAsStringAsync();
            });
        }

        await app.StartAsync();
        return app;
    }

    private static async Task FlushUntilAsync(WebApplication gateway, WebApplication referral, Func<bool> done)
    {
        var deadline = Stopwatch.StartNew();
        do
        {
            // A server span ends as its response completes, which may be just after the client has the answer.
            await Task.Delay(20);
            gateway.Services.GetRequiredService<TracerProvider>().ForceFlush();
            referral.Services.GetRequiredService<TracerProvider>().ForceFlush();
        }
        while (!done() && deadline.Elapsed < TimeSpan.FromSeconds(10));
    }

    private static Activity Single(List<Activity> spans, string name)
    {
        lock (spans)
        {
            return spans.Single(s => s.DisplayName == name);
        }
    }

    private static bool Has(List<Activity> spans, string name)
    {
        lock (spans)
        {
            return spans.Any(s => s.DisplayName == name);
        }
    }

    private static long Sum(List<Metric> exported, string name)
    {
        long sum = 0;
        foreach (var metric in exported.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                sum += point.GetSumLong();
            }
        }

        return sum;
    }

    private sealed class SpanAtStart(string span) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using (Mash.StartActivity(span))
            {
                return Task.CompletedTask;
            }
        }
    }
}
