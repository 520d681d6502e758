using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Referral.V1;

namespace Mash.Gateway.Tests.Infrastructure;

internal static class Requests
{
    public static SubmitReferralRequest Referral(string key = "key-1", int descriptionLength = 40) => new()
    {
        IdempotencyKey = key,
        Details = new ReferralDetails
        {
            Concern = new Concern { Description = new string('x', descriptionLength), Category = AbuseCategory.Neglect },
            LawfulBasis = LawfulBasis.PublicTask,
        },
    };

    public static Metadata Bearer(string token) => new() { { "authorization", "Bearer " + token } };

    public static async Task<RpcException> RefusedAsync<T>(AsyncUnaryCall<T> call) =>
        await Assert.ThrowsAsync<RpcException>(async () => await call);
}
