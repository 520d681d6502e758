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

    /// <summary>
    /// One read through the gateway before the load (an unknown referral: NOT_FOUND, nothing stored),
    /// so the first measured submission does not also pay the node's cold start (token validation's
    /// key fetch, the first database connection, compiling the call path): on a loaded 2-core CI
    /// machine that alone once took a submission past its deadline before any fault was injected.
    /// </summary>
    public async Task WarmUpAsync()
    {
        var answer = await Assert.ThrowsAsync<RpcException>(async () =>
            await node.Referrals().GetReferralAsync(new GetReferralRequest { ReferralId = "ref_" + new string('0', 32) }, await node.AsAsync(clientId), DateTime.UtcNow.AddSeconds(60)));
        Assert.Equal(StatusCode.NotFound, answer.StatusCode);
    }

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
