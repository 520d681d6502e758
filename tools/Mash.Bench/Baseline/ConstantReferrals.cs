using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Bench.Scenarios;
using Mash.Contracts.Referral.V1;

namespace Mash.Bench.Baseline;

/// <summary>
/// The referral contract answered with constant replies: no token, no guard, no database, no audit.
/// What gRPC itself costs on this machine, through the same client, to compare the node's calls with.
/// The reply carries the same details the benchmark submits, so it is the size of a real one.
/// </summary>
internal sealed class ConstantReferrals : ReferralService.ReferralServiceBase
{
    private static readonly Referral Stored = new()
    {
        ReferralId = "ref_" + new string('0', 32),
        Details = BenchContext.NewReferral().Details,
        Status = ReferralStatus.AwaitingScreening,
        ReceivedAt = Timestamp.FromDateTime(new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc)),
        DecisionDueAt = Timestamp.FromDateTime(new DateTime(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc)),
    };

    private static readonly Task<Referral> Read = Task.FromResult(Stored);
    private static readonly Task<SubmitReferralResponse> Submitted = Task.FromResult(new SubmitReferralResponse { Referral = Stored });

    public override Task<Referral> GetReferral(GetReferralRequest request, ServerCallContext context) => Read;

    public override Task<SubmitReferralResponse> SubmitReferral(SubmitReferralRequest request, ServerCallContext context) => Submitted;
}
