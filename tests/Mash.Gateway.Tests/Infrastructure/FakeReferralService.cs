using System.Collections.Concurrent;
using Grpc.Core;
using Mash.Contracts.Referral.V1;

namespace Mash.Gateway.Tests.Infrastructure;

/// <summary>Canned answers for every RPC; remembers the metadata each call arrived with.</summary>
internal sealed class FakeReferralService(ConcurrentQueue<Metadata> received) : ReferralService.ReferralServiceBase
{
    public override Task<SubmitReferralResponse> SubmitReferral(SubmitReferralRequest request, ServerCallContext context) =>
        Answer(context, new SubmitReferralResponse { Referral = Canned(request.IdempotencyKey) });

    public override Task<Referral> GetReferral(GetReferralRequest request, ServerCallContext context) =>
        request.ReferralId.StartsWith(OversizeStatusPrefix, StringComparison.Ordinal)
            ? throw OversizeStatus(int.Parse(request.ReferralId[OversizeStatusPrefix.Length..], System.Globalization.CultureInfo.InvariantCulture))
            : Answer(context, Canned(request.ReferralId));

    /// <summary>An id asking for a refusal whose status message and trailer are this many characters each: a backend's bug.</summary>
    public const string OversizeStatusPrefix = "oversize-status-";

    private static RpcException OversizeStatus(int size) =>
        new(new Status(StatusCode.NotFound, new string('m', size)), new Metadata { { "x-echo-bin", new byte[size] } });

    public override Task<ListReferralsResponse> ListReferrals(ListReferralsRequest request, ServerCallContext context) =>
        Answer(context, new ListReferralsResponse { Referrals = { Canned("listed") }, TotalMatching = 1 });

    public override Task<Referral> RecordScreening(RecordScreeningRequest request, ServerCallContext context) =>
        Answer(context, Canned(request.ReferralId));

    public override Task<Referral> RecordDecision(RecordDecisionRequest request, ServerCallContext context) =>
        Answer(context, Canned(request.ReferralId));

    private Task<T> Answer<T>(ServerCallContext context, T reply)
    {
        received.Enqueue(context.RequestHeaders);
        return Task.FromResult(reply);
    }

    private static Referral Canned(string id) => new() { ReferralId = "ref-" + id, Status = ReferralStatus.AwaitingScreening };
}
