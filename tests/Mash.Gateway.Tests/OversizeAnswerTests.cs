using Grpc.Core;
using Mash.Contracts.Referral.V1;
using Mash.Gateway.Tests.Infrastructure;
using static Mash.Gateway.Tests.Infrastructure.Requests;

namespace Mash.Gateway.Tests;

/// <summary>
/// A backend answer too large to forward (a status of hundreds of kilobytes in trailers) fails
/// that call alone: other agencies' calls sharing the gateway's connection to the service go on.
/// </summary>
public sealed class OversizeAnswerTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Theory]
    [InlineData(20_000)]
    [InlineData(100_000)]
    [InlineData(400_000)]
    public async Task An_oversize_answer_fails_its_own_call_with_a_clear_status_and_no_other_call(int size)
    {
        var police = await fixture.Gateway.TokenAsync("police-mash");
        var socialCare = await fixture.Gateway.TokenAsync("social-care-mash");

        for (var round = 0; round < 5; round++)
        {
            var others = Enumerable.Range(0, 20).Select(_ => fixture.Gateway.Referrals.ListReferralsAsync(new ListReferralsRequest(), Bearer(socialCare)).ResponseAsync).ToList();
            var oversize = Enumerable.Range(0, 3).Select(_ => RefusedAsync(fixture.Gateway.Referrals.GetReferralAsync(
                new GetReferralRequest { ReferralId = FakeReferralService.OversizeStatusPrefix + size }, Bearer(police)))).ToList();

            var answers = await Task.WhenAll(others.Select(async call =>
            {
                try
                {
                    await call;
                    return "OK";
                }
                catch (RpcException failed)
                {
                    return failed.Status.ToString();
                }
            }));
            Assert.All(answers, answer => Assert.Equal("OK", answer));
            foreach (var refusal in await Task.WhenAll(oversize))
            {
                Assert.True(refusal.StatusCode is StatusCode.NotFound or StatusCode.Internal, $"round {round}: {refusal.Status}");
                Assert.True(refusal.Status.Detail.Length < 2_000, $"a {refusal.Status.Detail.Length}-character message reached the caller");
            }

        }
    }
}
