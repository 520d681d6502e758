using System.Diagnostics;
using System.Reflection;
using Mash.Node.Hosting;

namespace Mash.Node.Dashboard;

/// <summary>
/// The Aspire dashboard beside the nodes: it receives every process's traces, metrics and logs
/// over OTLP and shows them in a browser. It listens on loopback only and runs unsecured (no
/// login): anyone who can reach 127.0.0.1 on this machine can read it, as they can the data
/// folder. It is stopped with the nodes.
/// </summary>
internal sealed class AspireDashboard(ChildProcess process, string url, string otlpEndpoint) : IAsyncDisposable
{
    /// <summary>Overrides where the dashboard's executable is (e.g. on a machine other than Linux x64).</summary>
    public const string PathVariable = "MASH_ASPIRE_DASHBOARD";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    public string Url => url;
    public string OtlpEndpoint => otlpEndpoint;
    public ChildProcess Process => process;

    /// <summary>The dashboard's executable, or null when this machine has none.</summary>
    public static string? FindExecutable()
    {
        var configured = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        var built = typeof(AspireDashboard).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "AspireDashboard")?.Value;
        return built is not null && File.Exists(built) ? built : null;
    }

    /// <summary>Starts the dashboard on 127.0.0.1 (UI on <paramref name="port"/>, OTLP/gRPC on the next port).</summary>
    public static AspireDashboard Start(string executable, int port, TextWriter? echo)
    {
        var url = $"http://127.0.0.1:{port}";
        var otlp = $"http://127.0.0.1:{port + 1}";
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = url,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = otlp,
            // Plain HTTP on loopback, no login page and no OTLP API key (see the class comment).
            ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
            ["Dashboard__Frontend__AuthMode"] = "Unsecured",
            ["Dashboard__Otlp__AuthMode"] = "Unsecured",
            // Its read API too, so `aspire otel traces --dashboard-url URL` (or curl URL/api/telemetry/traces) can query it.
            ["Dashboard__Api__Enabled"] = "true",
            ["Dashboard__Api__AuthMode"] = "Unsecured",
        };
        return new AspireDashboard(ChildProcess.StartExecutable("dashboard", executable, environment, echo), url, otlp);
    }

    /// <summary>Waits until the dashboard answers; false if it stopped or did not answer in time.</summary>
    public async Task<bool> WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(url);
                return true;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(100);
            }
        }

        return false;
    }

    /// <summary>What every node process needs to send its telemetry here.</summary>
    public IReadOnlyDictionary<string, string> ExporterSettings() => new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc",
        // Metrics every 5 s instead of the default minute, so the dashboard's charts move while you watch.
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "5000",
    };

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
