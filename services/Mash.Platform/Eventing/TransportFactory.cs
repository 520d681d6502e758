using Mash.Platform.Eventing.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mash.Platform.Eventing;

/// <summary>The transport <c>Mash:Eventing:Transport</c> names: one instance (one broker client) per process.</summary>
internal static class TransportFactory
{
    public static Func<IServiceProvider, IMessageTransport> Create(IConfiguration configuration) =>
        _ => throw new InvalidOperationException("No transport is wired yet.");
}
