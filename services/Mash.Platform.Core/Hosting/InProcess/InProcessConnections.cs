using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mash.Platform.Hosting.InProcess;

/// <summary>How a server answers callers of its own process through memory, and how a caller reaches it there or, failing that, over the network.</summary>
public static class InProcessConnections
{
    /// <summary>
    /// When <see cref="InProcessServers.Enabled"/>, the server also answers callers of this process that dial any
    /// plain-HTTP endpoint of <c>Kestrel:Endpoints</c> with a fixed port. The TCP endpoints stay for callers of other
    /// processes. TLS endpoints are not: a caller that asked for TLS gets TLS.
    /// </summary>
    public static IWebHostBuilder AnswerInProcessWhenEnabled(this IWebHostBuilder webHost, IConfiguration configuration)
    {
        if (!InProcessServers.Enabled)
        {
            return webHost;
        }

        var authorities = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(e => Uri.TryCreate(e["Url"], UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .Where(uri => uri.Scheme == Uri.UriSchemeHttp && uri.Port > 0)
            .Select(uri => uri.Authority)
            .ToList();
        return authorities.Count == 0 ? webHost : webHost.AnswerInProcess(authorities);
    }

    /// <summary>Answers callers of this process that dial any of <paramref name="authorities"/> through memory, beside Kestrel.</summary>
    public static IWebHostBuilder AnswerInProcess(this IWebHostBuilder webHost, IReadOnlyList<string> authorities) =>
        webHost.ConfigureServices(services =>
        {
            var kestrel = services.LastOrDefault(d => d.ServiceType == typeof(IServer))
                ?? throw new InvalidOperationException("No server to answer beside: Kestrel is registered first.");
            services.Remove(kestrel);
            services.AddSingleton<IServer>(provider => new InProcessServer(Create(kestrel, provider), provider, authorities));
        });

    /// <summary>
    /// <paramref name="overNetwork"/>, reaching servers of this process through memory when this process answers in
    /// process; otherwise <paramref name="overNetwork"/> itself.
    /// </summary>
    public static HttpMessageHandler ReachInProcessWhenEnabled(this HttpMessageHandler overNetwork) =>
        InProcessServers.Enabled ? new InProcessHandler(overNetwork) : overNetwork;

    private static IServer Create(ServiceDescriptor registered, IServiceProvider provider) => (IServer)(
        registered.ImplementationInstance
        ?? registered.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!));
}
