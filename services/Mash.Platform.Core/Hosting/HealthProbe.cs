using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;

namespace Mash.Platform.Hosting;

/// <summary>
/// <c>dotnet Mash.X.dll --check-health</c>: asks the service running beside it (its own Kestrel
/// endpoint, from the same configuration) for its gRPC readiness and exits 0 when SERVING, 1
/// otherwise, saying why. Images carry no gRPC probe tool, so the Dockerfile's HEALTHCHECK and
/// compose use this; a TCP check passed while the database was gone.
/// </summary>
public static class HealthProbe
{
    public const string Argument = "--check-health";

    /// <summary>The probe's exit code when asked for, else null (start the service).</summary>
    public static async Task<int?> RunIfAskedAsync(string[] args, TextWriter? output = null)
    {
        if (!args.Contains(Argument, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        output ??= Console.Out;
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. args.Where(a => !string.Equals(a, Argument, StringComparison.OrdinalIgnoreCase))])
            .Build();
        if (OwnAddress(configuration) is not { } address)
        {
            await output.WriteLineAsync("unhealthy: no Kestrel endpoint is configured (Kestrel:Endpoints:<name>:Url).");
            return 1;
        }

        try
        {
            using var channel = GrpcChannel.ForAddress(address);
            var reply = await new Health.HealthClient(channel).CheckAsync(
                new HealthCheckRequest { Service = MashHealth.Ready }, deadline: DateTime.UtcNow.AddSeconds(5));
            await output.WriteLineAsync($"{reply.Status} ({address})");
            return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving ? 0 : 1;
        }
        catch (RpcException failure)
        {
            await output.WriteLineAsync($"unhealthy: {failure.StatusCode} {failure.Status.Detail} ({address})");
            return 1;
        }
    }

    /// <summary>The first Kestrel endpoint, reached on loopback when it listens on every interface.</summary>
    public static Uri? OwnAddress(IConfiguration configuration)
    {
        var url = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).FirstOrDefault(u => !string.IsNullOrEmpty(u));
        if (url is null)
        {
            return null;
        }

        var uri = new UriBuilder(url.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "127.0.0.1";
        }

        return uri.Uri;
    }
}
