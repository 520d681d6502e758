using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mash.Platform.Hosting.InProcess;

/// <summary>
/// A service's server in a one-process node: Kestrel, on its TCP ports, for callers of other processes, and the same
/// application handed requests through memory for callers of this process (<see cref="InProcessServers"/>).
/// </summary>
internal sealed class InProcessServer(IServer kestrel, IServiceProvider services, IReadOnlyList<string> authorities) : IServer
{
    private readonly TestServer _memory = new(services, Options.Create(new TestServerOptions
    {
        // As Kestrel: no synchronous I/O, and the application runs in its own execution context, not the caller's.
        AllowSynchronousIO = false,
        PreserveExecutionContext = false,
    }));

    private InProcessApplication? _application;

    public IFeatureCollection Features => kestrel.Features;

    public async Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull
    {
        await kestrel.StartAsync(application, cancellationToken);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(InProcessServer).FullName!);
        await ((IServer)_memory).StartAsync(new FailuresAnsweredAsKestrel<TContext>(application, logger), cancellationToken);
        // Loopback, as the same call over TCP would show: the caller is this machine.
        _application = new InProcessApplication(_memory.CreateHandler(context => context.Connection.RemoteIpAddress = IPAddress.Loopback), authorities);
        InProcessServers.Add(_application);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_application is { } application)
        {
            // Gone from the process at once: a new call goes to TCP, where this server no longer listens either.
            InProcessServers.Remove(application);
            await Task.WhenAll(application.StopAsync(cancellationToken), kestrel.StopAsync(cancellationToken));
        }
        else
        {
            await kestrel.StopAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        if (_application is { } application)
        {
            InProcessServers.Remove(application);
            application.Dispose();
        }

        _memory.Dispose();
        kestrel.Dispose();
    }
}
