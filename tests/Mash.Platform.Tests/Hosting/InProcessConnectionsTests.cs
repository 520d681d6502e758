using System.Net;
using System.Net.Sockets;
using Mash.Platform.Hosting.InProcess;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Mash.Platform.Tests.Hosting;

/// <summary>
/// The hop a one-process node's gateway makes to its services: HTTP/2 through memory when the server is in the same
/// process, TCP otherwise, and a stopped server refuses or ends calls rather than leaving them hanging.
/// </summary>
public sealed class InProcessConnectionsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_caller_of_the_same_process_reaches_a_server_that_listens_only_in_process_over_http2()
    {
        var authority = $"127.0.0.1:{FreePort()}";
        await using var server = await EchoServer.StartAsync(authority, tcp: false);
        using var client = Client();

        var body = RandomBytes(1_000_000); // larger than the pipes' buffers: flow control both ways
        using var response = await client.PostAsync($"http://{authority}/echo", new ByteArrayContent(body));

        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal(body, await response.Content.ReadAsByteArrayAsync());
        Assert.True(InProcessListeners.TryFind(authority, out var listener));
        Assert.Equal(1, listener.ConnectionsMade);
    }

    [Fact]
    public async Task Concurrent_calls_share_one_in_process_connection_and_each_gets_its_own_answer()
    {
        var authority = $"127.0.0.1:{FreePort()}";
        await using var server = await EchoServer.StartAsync(authority, tcp: false);
        using var client = Client();

        var bodies = Enumerable.Range(0, 32).Select(i => RandomBytes(1_000 + (i * 997))).ToList();
        var answers = await Task.WhenAll(bodies.Select(async b =>
        {
            using var response = await client.PostAsync($"http://{authority}/echo", new ByteArrayContent(b));
            return await response.Content.ReadAsByteArrayAsync();
        }));

        Assert.Equal(bodies, answers);
        Assert.True(InProcessListeners.TryFind(authority, out var listener));
        Assert.Equal(1, listener.ConnectionsMade);
    }

    [Fact]
    public async Task Without_an_in_process_listener_the_caller_goes_over_tcp()
    {
        var authority = $"127.0.0.1:{FreePort()}";
        await using var server = await EchoServer.StartAsync(authority, tcp: true, inProcess: false);
        using var client = Client();

        using var response = await client.PostAsync($"http://{authority}/echo", new ByteArrayContent([1, 2, 3]));

        Assert.Equal([1, 2, 3], await response.Content.ReadAsByteArrayAsync());
        Assert.False(InProcessListeners.TryFind(authority, out _));
    }

    [Fact]
    public async Task A_stopped_server_is_gone_from_the_process_and_a_new_call_is_refused_not_left_waiting()
    {
        var authority = $"127.0.0.1:{FreePort()}";
        var server = await EchoServer.StartAsync(authority, tcp: false);
        await server.DisposeAsync();
        using var client = Client();

        Assert.False(InProcessListeners.TryFind(authority, out _));
        var call = client.PostAsync($"http://{authority}/echo", new ByteArrayContent([1]));
        await Assert.ThrowsAsync<HttpRequestException>(() => call.WaitAsync(Patience));
    }

    [Fact]
    public async Task A_server_that_stops_during_a_call_ends_the_call_with_an_error_not_a_hang()
    {
        var authority = $"127.0.0.1:{FreePort()}";
        var server = await EchoServer.StartAsync(authority, tcp: false);
        using var client = Client();

        var call = client.GetAsync($"http://{authority}/never");
        await server.Started.Task.WaitAsync(Patience);
        await server.DisposeAsync();

        var failure = await Record.ExceptionAsync(async () => (await call.WaitAsync(Patience)).EnsureSuccessStatusCode());
        Assert.NotNull(failure);
        Assert.IsNotType<TimeoutException>(failure);
    }

    private static HttpClient Client() => new(new SocketsHttpHandler { ConnectCallback = InProcessConnections.ConnectAsync })
    {
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>A Kestrel server that echoes a body, and one call that waits until the server stops.</summary>
    private sealed class EchoServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private EchoServer(WebApplication app) => _app = app;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static async Task<EchoServer> StartAsync(string authority, bool tcp, bool inProcess = true)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                if (tcp)
                {
                    kestrel.Listen(IPEndPoint.Parse(authority), l => l.Protocols = HttpProtocols.Http2);
                }
            });
            if (inProcess)
            {
                builder.WebHost.ListenInProcess([authority]);
            }

            var app = builder.Build();
            var server = new EchoServer(app);
            app.MapPost("/echo", async (HttpContext context) =>
            {
                using var copy = new MemoryStream();
                await context.Request.Body.CopyToAsync(copy);
                return Results.Bytes(copy.ToArray());
            });
            app.MapGet("/never", async (HttpContext context) =>
            {
                server.Started.TrySetResult();
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            });
            await app.StartAsync();
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            using var soon = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await _app.StopAsync(soon.Token);
            await _app.DisposeAsync();
        }
    }
}
