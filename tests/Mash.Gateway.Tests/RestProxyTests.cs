using System.Net;
using Google.Protobuf;
using Mash.Gateway.Tests.Infrastructure;
using static Mash.Gateway.Tests.Infrastructure.Requests;

namespace Mash.Gateway.Tests;

/// <summary>REST/JSON over plain HTTP/1.1 through the gateway: the same tokens, roles and header stripping as gRPC.</summary>
public sealed class RestProxyTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private GatewayHost Gateway => fixture.Gateway;

    [Fact]
    public async Task A_rest_write_and_read_reach_the_service_over_http2_with_the_token_but_no_spoofed_identity()
    {
        var token = await Gateway.TokenAsync("police-mash");
        using var submit = Rest(HttpMethod.Post, "/v1/referrals", token, JsonFormatter.Default.Format(Referral("rest-spoof")));
        submit.Headers.Add("x-mash-agency", "children-social-care");
        submit.Headers.Add("x-mash-caller-id", "someone-else");
        submit.Headers.Add("x-mash-purpose", "a REST referral");

        using var submitted = await Gateway.Http.SendAsync(submit);
        using var read = await Gateway.Http.SendAsync(Rest(HttpMethod.Get, "/v1/referrals/abc", token));

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("ref-rest-spoof", (await JsonAsync(submitted)).GetProperty("referral").GetProperty("referralId").GetString());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("ref-abc", (await JsonAsync(read)).GetProperty("referralId").GetString());
        var received = fixture.Backend.Received.Single(m => m.GetValue("x-mash-purpose") == "a REST referral");
        Assert.Equal("Bearer " + token, received.GetValue("authorization"));
        Assert.Null(received.Get("x-mash-agency"));
        Assert.Null(received.Get("x-mash-caller-id"));
    }

    [Fact]
    public async Task Without_a_token_a_rest_call_is_a_401_with_a_json_reason_and_never_reaches_the_service()
    {
        var before = fixture.Backend.Received.Count;

        using var response = await Gateway.Http.SendAsync(Rest(HttpMethod.Post, "/v1/referrals", null, JsonFormatter.Default.Format(Referral("anonymous"))));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var status = await JsonAsync(response);
        Assert.Equal(16, status.GetProperty("code").GetInt32());
        Assert.Contains("none was sent", status.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, fixture.Backend.Received.Count);
    }

    [Fact]
    public async Task A_token_without_the_routes_role_is_a_403_naming_the_role()
    {
        // Education may submit referrals but not read them.
        var token = await Gateway.TokenAsync("education-mash");

        using var response = await Gateway.Http.SendAsync(Rest(HttpMethod.Get, "/v1/referrals", token));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Referral.Read", (await JsonAsync(response)).GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_v1_path_is_a_404_for_a_known_caller_and_a_401_for_anyone_else()
    {
        var token = await Gateway.TokenAsync("police-mash");

        using var unknown = await Gateway.Http.SendAsync(Rest(HttpMethod.Get, "/v1/children/9434765919", token));
        using var wrongVerb = await Gateway.Http.SendAsync(Rest(HttpMethod.Delete, "/v1/referrals/abc", token));
        using var anonymous = await Gateway.Http.SendAsync(Rest(HttpMethod.Get, "/v1/children/9434765919", null));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(5, (await JsonAsync(unknown)).GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, wrongVerb.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
