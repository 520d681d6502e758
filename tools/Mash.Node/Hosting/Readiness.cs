using Grpc.Health.V1;
using Grpc.Net.Client;
using Mash.Platform.Tls;

namespace Mash.Node.Hosting;

/// <summary>Waits until a process answers its health check, or says why it never did.</summary>
public static class Readiness
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public static async Task WaitForGrpcHealthAsync(ChildProcess process, string address, TimeSpan timeout)
    {
        // A refused connection puts the channel into reconnect backoff (1 s, then 1.6 s, ...): a service that started
        // meanwhile would be seen up to seconds late. The poll's own 100 ms is the only wait wanted here.
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            InitialReconnectBackoff = PollInterval,
            MaxReconnectBackoff = PollInterval,
        });
        var client = new Health.HealthClient(channel);
        await WaitAsync(process, timeout, async () =>
        {
            var reply = await client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
            return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving;
        });
    }

    /// <summary>Waits for a 2xx from <paramref name="url"/>; over https, trusting <paramref name="trustedCertificate"/> besides the machine's roots.</summary>
    public static async Task WaitForHttpAsync(ChildProcess process, string url, TimeSpan timeout, string? trustedCertificate = null)
    {
        using var http = new HttpClient(ExtraRootTrust.Handler(trustedCertificate)) { Timeout = TimeSpan.FromSeconds(2) };
        await WaitAsync(process, timeout, async () => (await http.GetAsync(new Uri(url))).IsSuccessStatusCode);
    }

    private static async Task WaitAsync(ChildProcess process, TimeSpan timeout, Func<Task<bool>> probe)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"{process.Name} exited with code {process.ExitCode} while starting:{Environment.NewLine}{string.Join(Environment.NewLine, process.Output.TakeLast(30))}");
            }

            try
            {
                if (await probe())
                {
                    process.MarkReady();
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or Grpc.Core.RpcException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(PollInterval);
        }

        throw new TimeoutException($"{process.Name} was not ready within {timeout.TotalSeconds:0} s.");
    }
}
