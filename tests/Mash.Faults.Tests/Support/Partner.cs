using System.Collections.Concurrent;
using Grpc.Core;
using Mash.Contracts.Referral.V1;
using Mash.Testing.Nodes;

namespace Mash.Faults.Tests.Support;

/// <summary>
/// A partner agency's system submitting referrals through the node's gateway. With retries on,
/// it does what the API asks of partners: on a transient failure it retries the same request
/// with the same idempotency key until it gets an answer.
/// </summary>
public sealed class Partner(NodeClient node, string clientId = "police-mash")
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private const int MaxAttempts = 300;

    /// <summary>Transient failures seen, by status, e.g. Unavailable while the service restarts.</summary>
    public ConcurrentDictionary<StatusCode, int> Retries { get; } = new();

    /// <summary>Gets the partner's token before the load, as a partner's system would (the token endpoint is rate limited).</summary>
    public Task SignInAsync() => node.TokenAsync(clientId);

    public async Task<SubmitReferralResponse> SubmitOnceAsync(SubmitReferralRequest request, CancellationToken cancellationToken) =>
        await node.Referrals().SubmitReferralAsync(request, await node.AsAsync(clientId), DateTime.UtcNow + Deadline, cancellationToken);

    public async Task<SubmitReferralResponse> SubmitUntilAnsweredAsync(SubmitReferralRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SubmitOnceAsync(request, cancellationToken);
            }
            catch (RpcException e) when (IsTransient(e.StatusCode) && attempt < MaxAttempts && !cancellationToken.IsCancellationRequested)
            {
                Retries.AddOrUpdate(e.StatusCode, 1, (_, n) => n + 1);
                await Task.Delay(TimeSpan.FromMilliseconds(50 + Random.Shared.Next(50)), cancellationToken);
            }
        }
    }

    /// <summary>
    /// What a partner may retry with the same key: the service or its connection went away
    /// (the gateway answers 502, a reset stream surfaces as Internal or Unknown) or it timed out.
    /// </summary>
    private static bool IsTransient(StatusCode status) =>
        status is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown;
}
