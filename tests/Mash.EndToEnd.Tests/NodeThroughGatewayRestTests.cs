using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Mash.Testing.Nodes;

namespace Mash.EndToEnd.Tests;

/// <summary>
/// The same node, called as a partner without gRPC does: plain HTTP/1.1 JSON to the gateway's
/// HTTP endpoint, which proxies to the services' h2c endpoints where JSON transcoding answers.
/// (Part of the gRPC class so both share one running node.)
/// </summary>
public sealed partial class NodeThroughGatewayTests
{
    [Fact]
    public async Task Rest_a_referral_posted_as_json_is_read_back_and_listed_as_json()
    {
        using var http = new HttpClient { BaseAddress = new Uri(node.Options.GatewayHttpAddress) };
        using var submit = await RestAsync(http, HttpMethod.Post, "/v1/referrals", "police-mash", JsonFormatter.Default.Format(Referrals.Sample("rest-e2e")));
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        var referralId = (await JsonAsync(submit)).GetProperty("referral").GetProperty("referralId").GetString();

        using var read = await RestAsync(http, HttpMethod.Get, $"/v1/referrals/{referralId}", "health-mash");
        using var list = await RestAsync(http, HttpMethod.Get, "/v1/referrals?statuses=REFERRAL_STATUS_AWAITING_SCREENING&page.pageSize=200", "social-care-mash");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var referral = await JsonAsync(read);
        Assert.Equal(referralId, referral.GetProperty("referralId").GetString());
        Assert.Equal("AGENCY_POLICE", referral.GetProperty("submittedByAgency").GetString());
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains((await JsonAsync(list)).GetProperty("referrals").EnumerateArray(), r => r.GetProperty("referralId").GetString() == referralId);
    }

    [Fact]
    public async Task Rest_refusals_are_json_401_without_a_token_403_without_the_role_and_400_naming_the_bad_fields()
    {
        using var http = new HttpClient { BaseAddress = new Uri(node.Options.GatewayHttpAddress) };
        var bad = Referrals.Sample("bad-rest-e2e");
        bad.Details.Child.NhsNumber = "401 023 2138";

        using var anonymous = await http.GetAsync(new Uri("/v1/referrals", UriKind.Relative));
        using var noRole = await RestAsync(http, HttpMethod.Get, "/v1/referrals", "education-mash");
        using var invalid = await RestAsync(http, HttpMethod.Post, "/v1/referrals", "police-mash", JsonFormatter.Default.Format(bad));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(16, (await JsonAsync(anonymous)).GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, noRole.StatusCode);
        Assert.Contains("Referral.Read", (await JsonAsync(noRole)).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var body = await invalid.Content.ReadAsStringAsync();
        var fields = JsonDocument.Parse(body).RootElement.GetProperty("details").EnumerateArray()
            .Where(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.BadRequest")
            .SelectMany(d => d.GetProperty("fieldViolations").EnumerateArray()).Select(v => v.GetProperty("field").GetString());
        Assert.Equal(["details.child.nhs_number"], fields);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rest_each_services_openapi_document_is_served_by_the_gateway_without_a_token()
    {
        using var http = new HttpClient { BaseAddress = new Uri(node.Options.GatewayHttpAddress) };
        var expected = new Dictionary<string, string>
        {
            ["referral"] = "/v1/referrals",
            ["assessment"] = "/v1/cseFlags",
            ["strategy"] = "/v1/strategyDiscussions",
            ["offender"] = "/v1/offenders",
            ["custody"] = "/v1/detentions",
            ["investigation"] = "/v1/investigations",
        };

        foreach (var (cluster, path) in expected)
        {
            using var response = await http.GetAsync(new Uri($"/openapi/{cluster}.json", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var document = await JsonAsync(response);
            Assert.Contains(document.GetProperty("paths").EnumerateObject(), p => p.Name == path);
            Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));
        }
    }

    private async Task<HttpResponseMessage> RestAsync(HttpClient http, HttpMethod method, string path, string clientId, string? json = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await node.TokenAsync(clientId));
        request.Headers.Add("x-mash-purpose", "end-to-end REST test");
        request.Headers.Add("x-mash-lawful-basis", "LAWFUL_BASIS_PUBLIC_TASK");
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await http.SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
