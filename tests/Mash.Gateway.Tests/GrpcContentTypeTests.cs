using System.Net;
using System.Net.Http.Headers;
using Mash.Gateway.Tests.Infrastructure;

namespace Mash.Gateway.Tests;

/// <summary>
/// A gRPC path called without gRPC's content type is answered by the gateway (415, JSON status
/// INVALID_ARGUMENT). Forwarded, the service's early 415 raced the body still being sent and the
/// caller got 499 or 503 instead.
/// </summary>
public sealed class GrpcContentTypeTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    public async Task A_non_grpc_body_on_a_grpc_path_is_415_with_a_reason(string contentType)
    {
        var token = await fixture.Gateway.TokenAsync("police-mash");
        using var client = new HttpClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Gateway.GrpcAddress, "/mash.referral.v1.ReferralService/ListReferrals"))
            {
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                Content = new ByteArrayContent(new byte[8192]),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

            using var response = await client.SendAsync(request);
            var body = await Requests.JsonAsync(response);

            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
            Assert.Equal(3, body.GetProperty("code").GetInt32());
            Assert.Contains("application/grpc", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }
}
