using System.Collections.Concurrent;
using Grpc.Core;
using Mash.Abuse.Tests.Infrastructure;

namespace Mash.Abuse.Tests.Access;

/// <summary>One call of the RPC x caller matrix and what the table expects of it.</summary>
public sealed record MatrixCall(string Method, string Caller, string Token, bool Allowed, IReadOnlyDictionary<string, string> Headers);

/// <summary>Runs matrix calls (an empty request each, a few at a time) and lists every answer the table does not expect.</summary>
public static class Matrix
{
    private static readonly string[] PlatformServices = ["assessment", "strategy", "offender", "custody", "investigation", "referral"];

    private static readonly string[] ServedByEveryService =
        ["/mash.events.v1.DeadLetterService/", "/mash.events.v1.DeliveryService/", "/mash.governance.v1.ServiceGovernance/", "/mash.figures.v1.ServiceFigures/"];

    /// <summary>DeadLetterService, DeliveryService, ServiceGovernance and ServiceFigures are served by every service; the gateway picks one by this header.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> HeaderVariants(string method) =>
        ServedByEveryService.Any(prefix => method.StartsWith(prefix, StringComparison.Ordinal))
            ? [.. PlatformServices.Select(service => new Dictionary<string, string> { ["x-mash-service"] = service })]
            : [new Dictionary<string, string>()];

    public static async Task<IReadOnlyList<string>> RunAsync(RawGrpc raw, IEnumerable<MatrixCall> calls, Func<MatrixCall, string> addressOf)
    {
        var wrong = new ConcurrentBag<string>();
        var empty = RawGrpc.Frame([]);
        await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (call, _) =>
        {
            var answer = await raw.CallAsync(addressOf(call), call.Method, empty, call.Token, headers: call.Headers);
            var refused = answer.Status is StatusCode.PermissionDenied or StatusCode.Unauthenticated;
            var broken = answer.Status is null or StatusCode.Internal or StatusCode.Unknown or StatusCode.Unimplemented or StatusCode.Unavailable;
            if (call.Allowed ? refused || broken : answer.Status != StatusCode.PermissionDenied)
            {
                var via = string.Join(",", call.Headers.Values);
                wrong.Add($"{call.Method}{(via.Length > 0 ? $" [{via}]" : "")} as {call.Caller}: expected {(call.Allowed ? "allowed" : "PERMISSION_DENIED")}, got {answer}");
            }
        });
        return [.. wrong.Order(StringComparer.Ordinal)];
    }
}
