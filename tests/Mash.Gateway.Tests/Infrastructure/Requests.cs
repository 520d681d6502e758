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

    /// <summary>A REST/JSON request as a partner without gRPC sends it.</summary>
    public static HttpRequestMessage Rest(HttpMethod method, string path, string? token, string? json = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        return request;
    }

    /// <summary>The JSON body of a response: a message, or a google.rpc.Status-shaped refusal.</summary>
    public static async Task<System.Text.Json.JsonElement> JsonAsync(HttpResponseMessage response) =>
        System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static Metadata Bearer(string token) => new() { { "authorization", "Bearer " + token } };

    public static async Task<RpcException> RefusedAsync<T>(AsyncUnaryCall<T> call) =>
        await Assert.ThrowsAsync<RpcException>(async () => await call);
}
