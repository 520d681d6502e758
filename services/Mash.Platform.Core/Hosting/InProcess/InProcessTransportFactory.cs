using System.Net;
using Microsoft.AspNetCore.Connections;

namespace Mash.Platform.Hosting.InProcess;

/// <summary>Kestrel's transport for <see cref="InProcessEndPoint"/>s; every other endpoint stays on the socket transport.</summary>
internal sealed class InProcessTransportFactory : IConnectionListenerFactory, IConnectionListenerFactorySelector
{
    public bool CanBind(EndPoint endpoint) => endpoint is InProcessEndPoint;

    public ValueTask<IConnectionListener> BindAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
    {
        var listener = new InProcessListener((InProcessEndPoint)endpoint);
        InProcessListeners.Add(listener);
        return ValueTask.FromResult<IConnectionListener>(listener);
    }
}
