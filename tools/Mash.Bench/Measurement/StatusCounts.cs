using System.Collections.Concurrent;
using Grpc.Core;

namespace Mash.Bench.Measurement;

/// <summary>How many calls ended with each gRPC status (grpc-status, not the HTTP status).</summary>
public sealed class StatusCounts
{
    private readonly ConcurrentDictionary<StatusCode, long> _counts = new();

    public void Add(StatusCode code) => _counts.AddOrUpdate(code, 1, (_, n) => n + 1);

    public long Ok => _counts.GetValueOrDefault(StatusCode.OK);
    public long Failed => _counts.Where(c => c.Key != StatusCode.OK).Sum(c => c.Value);
    public long Total => _counts.Values.Sum();

    /// <summary>E.g. {"OK": 1200, "Unavailable": 3}, in status order.</summary>
    public IReadOnlyDictionary<string, long> ByName() =>
        _counts.OrderBy(c => c.Key).ToDictionary(c => c.Key.ToString(), c => c.Value);
}
