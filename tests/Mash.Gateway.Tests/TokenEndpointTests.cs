using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Mash.Gateway.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Mash.Gateway.Tests;

public sealed class TokenEndpointTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private GatewayHost Gateway => fixture.Gateway;

    [Fact]
    public async Task Client_credentials_grant_issues_a_signed_token_naming_client_agency_and_roles()
    {
        var (status, body) = await PostAsync(Form("client_credentials", "health-mash", Gateway.SecretOf("health-mash")));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(3600, body.GetProperty("expires_in").GetInt32());
        var token = new JsonWebToken(body.GetProperty("access_token").GetString());
        Assert.Equal("RS256", token.Alg);
        Assert.Equal("http://127.0.0.1:5100/", token.Issuer);
        Assert.Equal(["api://mash"], token.Audiences);
        Assert.Equal("health-mash", token.Subject);
        Assert.Equal("health-mash", token.GetClaim("azp").Value);
        Assert.Equal("health", token.GetClaim("mash_agency").Value);
        Assert.Equal(["Referral.Submit", "Referral.Read", "Assessment.Read", "Strategy.Read", "Offender.ReadSummary"], token.Claims.Where(c => c.Type == "roles").Select(c => c.Value));
        Assert.Equal(TimeSpan.FromHours(1), token.ValidTo - token.IssuedAt);
        Assert.False(string.IsNullOrEmpty(token.Id));
        Assert.Equal(await JwksKidAsync(), token.Kid);
    }

    [Fact]
    public async Task A_schools_token_names_the_school_by_its_reference_number_and_no_other_clients_does()
    {
        var (_, school) = await PostAsync(Form("client_credentials", "school-oakfield-primary", Gateway.SecretOf("school-oakfield-primary")));
        var (_, team) = await PostAsync(Form("client_credentials", "education-safeguarding-team", Gateway.SecretOf("education-safeguarding-team")));

        var schoolToken = new JsonWebToken(school.GetProperty("access_token").GetString());
        Assert.Equal(("131234", "education"), (schoolToken.GetClaim("mash_school_urn").Value, schoolToken.GetClaim("mash_agency").Value));
        Assert.Equal(["Encompass.School"], schoolToken.Claims.Where(c => c.Type == "roles").Select(c => c.Value));
        Assert.False(new JsonWebToken(team.GetProperty("access_token").GetString()).TryGetClaim("mash_school_urn", out _));
    }

    [Fact]
    public async Task Http_basic_client_authentication_and_a_narrowing_scope_are_accepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "Referral.Read" }),
        };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes("police-mash:" + Gateway.SecretOf("police-mash")));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);

        using var response = await Gateway.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var token = new JsonWebToken(body.GetProperty("access_token").GetString());
        Assert.Equal(["Referral.Read"], token.Claims.Where(c => c.Type == "roles").Select(c => c.Value));
    }

    [Theory]
    [InlineData("police-mash", "not-the-secret")]
    [InlineData("nobody", "anything")]
    public async Task Wrong_secret_or_unknown_client_is_401_invalid_client(string clientId, string secret)
    {
        var (status, body) = await PostAsync(Form("client_credentials", clientId, secret));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Other_grant_types_are_400_unsupported_grant_type()
    {
        var (status, body) = await PostAsync(Form("password", "police-mash", Gateway.SecretOf("police-mash")));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("unsupported_grant_type", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Missing_grant_type_is_400_invalid_request_and_a_role_not_held_is_400_invalid_scope()
    {
        var missing = new Dictionary<string, string> { ["client_id"] = "police-mash", ["client_secret"] = Gateway.SecretOf("police-mash") };
        var (status, body) = await PostAsync(missing);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_request", body.GetProperty("error").GetString());

        var scoped = Form("client_credentials", "education-mash", Gateway.SecretOf("education-mash"));
        scoped["scope"] = "Referral.Decide";
        (status, body) = await PostAsync(scoped);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_scope", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_token_endpoint_also_answers_http2_prior_knowledge_on_the_grpc_port()
    {
        using var client = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var response = await client.PostAsync(
            new Uri(Gateway.GrpcAddress, "/connect/token"),
            new FormUrlEncodedContent(Form("client_credentials", "probation-mash", Gateway.SecretOf("probation-mash"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version20, response.Version);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("HEAD")]
    [InlineData("OPTIONS")]
    public async Task Any_method_but_POST_on_the_token_endpoint_is_405_naming_POST_and_needs_no_token(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/connect/token");

        using var response = await Gateway.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Posting_to_the_key_set_is_405_naming_GET()
    {
        using var response = await Gateway.Http.PostAsync("/.well-known/jwks.json", new StringContent(""));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Discovery_names_the_issuer_and_the_jwks_which_holds_no_private_key_material()
    {
        var discovery = JsonDocument.Parse(await Gateway.Http.GetStringAsync("/.well-known/openid-configuration")).RootElement;
        Assert.Equal("http://127.0.0.1:5100/", discovery.GetProperty("issuer").GetString());
        Assert.Equal(new Uri(Gateway.HttpAddress, "/connect/token").ToString(), discovery.GetProperty("token_endpoint").GetString());
        var jwksUri = discovery.GetProperty("jwks_uri").GetString()!;

        var key = JsonDocument.Parse(await Gateway.Http.GetStringAsync(jwksUri)).RootElement.GetProperty("keys").EnumerateArray().Single();
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.True(key.TryGetProperty("n", out _));
        Assert.True(key.TryGetProperty("e", out _));
        foreach (var secret in new[] { "d", "p", "q", "dp", "dq", "qi" })
        {
            Assert.False(key.TryGetProperty(secret, out _), $"JWKS leaks '{secret}'");
        }
    }

    private static Dictionary<string, string> Form(string grantType, string clientId, string secret) => new()
    {
        ["grant_type"] = grantType,
        ["client_id"] = clientId,
        ["client_secret"] = secret,
    };

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(Dictionary<string, string> form)
    {
        using var response = await Gateway.Http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    private async Task<string> JwksKidAsync() =>
        JsonDocument.Parse(await Gateway.Http.GetStringAsync("/.well-known/jwks.json"))
            .RootElement.GetProperty("keys")[0].GetProperty("kid").GetString()!;
}
