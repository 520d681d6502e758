using Grpc.Core;

namespace Mash.Gateway.Governance;

/// <summary>
/// Asks every service of the node the same governance question with the caller's own token and
/// metadata (each service authorizes and audits its part), and answers only when every one did:
/// a refusal or bad input comes back as the service said it; a service that does not answer
/// fails the call as UNAVAILABLE, naming it, so no answer about a child is silently partial.
/// </summary>
internal sealed class ServiceFanOut(NodeServices services)
{
    // What the services need from the caller's call: who, why, on what basis, for whom.
    private static readonly string[] Forwarded =
        ["authorization", "x-mash-purpose", "x-mash-lawful-basis", "x-mash-practitioner-id", "x-mash-practitioner-name", "x-mash-practitioner-role"];

    public IReadOnlyCollection<string> Names => services.Names;

    public bool Knows(string service) => services.Contains(service);

    public NodeServices Services => services;

    public Task<IReadOnlyList<(string Service, TResponse Answer)>> AskAsync<TResponse>(
        ServerCallContext context, Func<string, Mash.Contracts.Governance.V1.ServiceGovernance.ServiceGovernanceClient, CallOptions, AsyncUnaryCall<TResponse>> call,
        IEnumerable<string>? only = null) =>
        AskEachAsync(context, (name, options) => call(name, services.Client(name), options), only);

    /// <summary>The same question of each service, through any of its platform services (figures as well as governance).</summary>
    public async Task<IReadOnlyList<(string Service, TResponse Answer)>> AskEachAsync<TResponse>(
        ServerCallContext context, Func<string, CallOptions, AsyncUnaryCall<TResponse>> call, IEnumerable<string>? only = null)
    {
        var options = new CallOptions(Forward(context.RequestHeaders), context.Deadline == DateTime.MaxValue ? null : context.Deadline, context.CancellationToken);
        var asked = (only ?? services.Names).Select(async name =>
        {
            try
            {
                return (name, await call(name, options));
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.InvalidArgument or StatusCode.PermissionDenied or StatusCode.Unauthenticated
                                         or StatusCode.FailedPrecondition or StatusCode.NotFound)
            {
                // The service's own answer, with its details (field violations) for the caller.
                throw new RpcException(e.Status, e.Trailers);
            }
            catch (RpcException e) when (!context.CancellationToken.IsCancellationRequested)
            {
                throw new RpcException(new Status(StatusCode.Unavailable,
                    $"The {name} service did not answer ({e.StatusCode}); the node's answer would be incomplete, so none is given. Try again shortly."));
            }
        });
        return await Task.WhenAll(asked);
    }

    private static Metadata Forward(Metadata incoming)
    {
        var headers = new Metadata();
        foreach (var entry in incoming.Where(e => Forwarded.Contains(e.Key, StringComparer.OrdinalIgnoreCase)))
        {
            headers.Add(entry.Key, entry.Value);
        }

        return headers;
    }
}
