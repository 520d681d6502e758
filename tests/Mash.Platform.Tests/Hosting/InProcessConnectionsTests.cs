using System.Net;
using Mash.Platform.Hosting.InProcess;
using Mash.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Mash.Platform.Tests.Hosting;

/// <summary>
/// The hop a one-process node's gateway makes to its services: handed to the service's pipeline through memory when
/// the server is in the same process, over TCP otherwise, and a stopped server refuses or ends calls rather than
/// leaving them hanging.
/// </summary>
public sealed class InProcessConnectionsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly AsyncLocal<string?> CallersAmbient = new();

    [Fact]
    public async Task A_caller_of_the_same_process_is_answered_through_memory_as_an_http2_request_with_its_body_headers_and_trailers()
    {
        await using var server = await EchoServer.StartAsync(inProcess: true);
        using var client = Client();

        var body = RandomBytes(1_000_000);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://{server.Authority}/echo") { Content = new ByteArrayContent(body), Version = HttpVersion.Version20 };
        request.Headers.Add("x-caller", "police-mash");
        using var response = await client.SendAsync(request);

        Assert.Equal(body, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("HTTP/2", Single(response, "x-protocol"));
        Assert.Equal("police-mash", Single(response, "x-caller"));
        Assert.Equal("127.0.0.1", Single(response, "x-remote"));
        Assert.Equal("done", response.TrailingHeaders.GetValues("x-trailer").Single());
        Assert.Equal(1, server.InMemory!.RequestsHandled);
    }

    [Fact]
    public async Task Concurrent_calls_each_get_their_own_answer()
    {
        await using var server = await EchoServer.StartAsync(inProcess: true);
        using var client = Client();

        var bodies = Enumerable.Range(0, 32).Select(i => RandomBytes(1_000 + (i * 997))).ToList();
        var answers = await Task.WhenAll(bodies.Select(async b =>
        {
            using var response = await client.PostAsync($"http://{server.Authority}/echo", new ByteArrayContent(b));
            return await response.Content.ReadAsByteArrayAsync();
        }));

        Assert.Equal(bodies, answers);
        Assert.Equal(32, server.InMemory!.RequestsHandled);
    }

    [Fact]
    public async Task The_application_does_not_run_in_the_callers_execution_context()
    {
        await using var server = await EchoServer.StartAsync(inProcess: true);
        using var client = Client();

        // The gateway's own request (its HttpContext, its caller) must not be what the service's code sees.
        CallersAmbient.Value = "the caller's";
        using var response = await client.PostAsync($"http://{server.Authority}/echo", new ByteArrayContent([1]));

        Assert.Equal("none", Single(response, "x-ambient"));
    }

    [Fact]
    public async Task Without_an_in_process_server_the_caller_goes_over_tcp()
    {
        await using var server = await EchoServer.StartAsync(inProcess: false);
        using var client = Client();

        using var response = await client.PostAsync($"http://{server.Authority}/echo", new ByteArrayContent([1, 2, 3]));

        Assert.Equal([1, 2, 3], await response.Content.ReadAsByteArrayAsync());
        Assert.False(InProcessServers.TryFind(server.Authority, out _));
    }

    [Fact]
    public async Task A_stopped_server_is_gone_from_the_process_and_a_new_call_is_refused_not_left_waiting()
    {
        var server = await EchoServer.StartAsync(inProcess: true);
        await server.DisposeAsync();
        using var client = Client();

        Assert.False(InProcessServers.TryFind(server.Authority, out _));
        var call = client.PostAsync($"http://{server.Authority}/echo", new ByteArrayContent([1]));
        await Assert.ThrowsAsync<HttpRequestException>(() => call.WaitAsync(Patience));
    }

    [Fact]
    public async Task A_server_that_stops_during_a_call_ends_the_call_with_an_error_not_a_hang()
    {
        var server = await EchoServer.StartAsync(inProcess: true);
        using var client = Client();

        var call = client.GetAsync($"http://{server.Authority}/never");
        await server.Started.Task.WaitAsync(Patience);
        await server.DisposeAsync();

        var failure = await Record.ExceptionAsync(async () => (await call.WaitAsync(Patience)).EnsureSuccessStatusCode());
        Assert.NotNull(failure);
        Assert.IsNotType<TimeoutException>(failure);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_caller_who_gives_up_before_the_answer_starts_has_the_request_aborted_at_the_server(bool inProcess)
    {
        // The same through memory as over TCP: a service must not go on working for a caller who has left.
        await using var server = await EchoServer.StartAsync(inProcess);
        using var client = Client();
        using var givingUp = new CancellationTokenSource();

        var call = client.GetAsync($"http://{server.Authority}/never", givingUp.Token);
        await server.Started.Task.WaitAsync(Patience);
        await givingUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Patience));
        await server.Aborted.Task.WaitAsync(Patience);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_caller_who_stops_reading_a_streamed_answer_has_the_request_aborted_at_the_server(bool inProcess)
    {
        // The same through memory as over TCP: a service must not go on working for a caller who has left.
        await using var server = await EchoServer.StartAsync(inProcess);
        using var client = Client();
        using var givingUp = new CancellationTokenSource();

        // As a server-streaming call: the answer has started, and the caller gives up part way through its body.
        using var response = await client.GetAsync($"http://{server.Authority}/stream", HttpCompletionOption.ResponseHeadersRead, givingUp.Token).WaitAsync(Patience);
        await using var body = await response.Content.ReadAsStreamAsync();
        Assert.True(await body.ReadAsync(new byte[16]) > 0);
        await givingUp.CancelAsync();
        response.Dispose();

        await server.Aborted.Task.WaitAsync(Patience);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_exception_escaping_the_application_before_it_answers_is_a_500_with_no_body_as_kestrel_answers_it(bool inProcess)
    {
        // Through memory it reached the gateway as a failed call, which YARP answers 502: a partner's gRPC client then
        // reads UNAVAILABLE and retries a call that fails the same way every time.
        await using var server = await EchoServer.StartAsync(inProcess);
        using var client = Client();

        using var response = await client.GetAsync($"http://{server.Authority}/fail").WaitAsync(Patience);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.False(response.Headers.Contains("x-before-failing"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_exception_escaping_the_application_after_its_answer_started_ends_the_callers_body_with_an_error(bool inProcess)
    {
        await using var server = await EchoServer.StartAsync(inProcess);
        using var client = Client();

        using var response = await client.GetAsync($"http://{server.Authority}/fail-late", HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await Assert.ThrowsAnyAsync<Exception>(() => response.Content.ReadAsByteArrayAsync().WaitAsync(Patience));
    }

    [Fact]
    public async Task Two_servers_of_one_process_may_not_answer_for_the_same_address()
    {
        await using var first = await EchoServer.StartAsync(inProcess: true);

        await Assert.ThrowsAsync<InvalidOperationException>(() => EchoServer.StartAsync(inProcess: true, authority: first.Authority, tcp: false));

        Assert.True(InProcessServers.TryFind(first.Authority, out var found));
        Assert.Same(first.InMemory, found);
    }

    private static HttpClient Client() => new(new InProcessHandler(new SocketsHttpHandler()))
    {
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    private static string Single(HttpResponseMessage response, string header) => response.Headers.GetValues(header).Single();

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A server that echoes a body, with what it saw of the request in headers and a trailer, and one call that waits until the server stops.</summary>
    private sealed class EchoServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private EchoServer(WebApplication app, string authority)
        {
            _app = app;
            Authority = authority;
        }

        public string Authority { get; }

        public InProcessApplication? InMemory => InProcessServers.TryFind(Authority, out var found) ? found : null;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Set when a waiting or streaming call sees its request aborted.</summary>
        public TaskCompletionSource Aborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Runs <paramref name="work"/> and notes whether it ended because the request was aborted.</summary>
        /// <remarks>
        /// Noted as the work ends, not from a callback on the token: a token runs its callbacks last registered
        /// first, and the work's own continuation, run inline by its callback, can dispose a callback of ours before
        /// its turn comes.
        /// </remarks>
        public async Task UntilAbortedAsync(HttpContext context, Func<Task> work)
        {
            try
            {
                await work();
            }
            catch (Exception) when (context.RequestAborted.IsCancellationRequested)
            {
                Aborted.TrySetResult();
                throw;
            }
        }

        public static async Task<EchoServer> StartAsync(bool inProcess, string? authority = null, bool tcp = true)
        {
            authority ??= $"127.0.0.1:{LoopbackPorts.Free()}";
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            // Kestrel listens somewhere in every case, as a service does; the test that needs no TCP takes any port.
            var tcpAt = tcp ? IPEndPoint.Parse(authority) : new IPEndPoint(IPAddress.Loopback, 0);
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(tcpAt, l => l.Protocols = HttpProtocols.Http2));
            if (inProcess)
            {
                builder.WebHost.AnswerInProcess([authority]);
            }

            var app = builder.Build();
            var server = new EchoServer(app, authority);
            app.MapPost("/echo", async (HttpContext context) =>
            {
                using var copy = new MemoryStream();
                await context.Request.Body.CopyToAsync(copy);
                context.Response.Headers["x-protocol"] = context.Request.Protocol;
                context.Response.Headers["x-caller"] = context.Request.Headers["x-caller"].ToString();
                context.Response.Headers["x-remote"] = context.Connection.RemoteIpAddress?.ToString() ?? "";
                context.Response.Headers["x-ambient"] = CallersAmbient.Value ?? "none";
                context.Response.AppendTrailer("x-trailer", "done");
                await context.Response.Body.WriteAsync(copy.ToArray());
            });
            app.MapGet("/never", async (HttpContext context) =>
            {
                server.Started.TrySetResult();
                await server.UntilAbortedAsync(context, () => Task.Delay(Timeout.Infinite, context.RequestAborted));
            });
            app.MapGet("/fail", (HttpContext context) =>
            {
                context.Response.Headers["x-before-failing"] = "set";
                throw new InvalidOperationException("A defect in the service.");
            });
            app.MapGet("/fail-late", async (HttpContext context) =>
            {
                await context.Response.Body.WriteAsync(new byte[64]);
                await context.Response.Body.FlushAsync();
                throw new InvalidOperationException("A defect in the service, after it began to answer.");
            });
            app.MapGet("/stream", async (HttpContext context) =>
            {
                await server.UntilAbortedAsync(context, async () =>
                {
                    while (true)
                    {
                        await context.Response.Body.WriteAsync(new byte[64], context.RequestAborted);
                        await context.Response.Body.FlushAsync(context.RequestAborted);
                        await Task.Delay(10, context.RequestAborted);
                    }
                });
            });
            try
            {
                await app.StartAsync();
            }
            catch
            {
                await app.DisposeAsync();
                throw;
            }

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
