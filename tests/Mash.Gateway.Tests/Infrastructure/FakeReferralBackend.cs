using System.Collections.Concurrent;
using System.Net;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mash.Gateway.Tests.Infrastructure;

/// <summary>A real h2c gRPC (and REST/JSON) server standing in for the referral service, on a free loopback port.</summary>
internal sealed class FakeReferralBackend(WebApplication app, ConcurrentQueue<Metadata> received) : IAsyncDisposable
{
    public ConcurrentQueue<Metadata> Received => received;

    public string Address => app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

    public static async Task<FakeReferralBackend> StartAsync()
    {
        var received = new ConcurrentQueue<Metadata>();
        var builder = WebApplication.CreateSlimBuilder();
        // The gateway's appsettings.json is copied beside the tests: its Kestrel endpoints are not ours.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        // JSON transcoding too, so REST calls through the gateway reach it.
        builder.Services.AddGrpc(grpc => grpc.MaxReceiveMessageSize = 16 * 1024 * 1024).AddJsonTranscoding();
        builder.Services.AddSingleton(received);
        var app = builder.Build();
        app.MapGrpcService<FakeReferralService>();
        await app.StartAsync();
        return new FakeReferralBackend(app, received);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
