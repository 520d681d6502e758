using Grpc.Core;

namespace Mash.Abuse.Tests.BadInput;

/// <summary>One generated bad request: the RPC, the whole HTTP body (frames included) and the statuses it may get.</summary>
public sealed record BadInputCase(string Kind, string Method, byte[] Body, StatusCode Expected,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>A second right answer: NOT_FOUND where the request names a record by an id no service issued.</summary>
    public StatusCode? OrElse { get; init; }

    public override string ToString() => $"{Kind} -> {Method} ({Body.Length} bytes)";
}
