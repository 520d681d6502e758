using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Mash.Platform.Auth;
using Mash.Referral.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Mash.Referral.Tests.Functional;

/// <summary>The same service called as REST/JSON (JSON transcoding of the google.api.http annotations).</summary>
public sealed class RestJsonTests : IDisposable
{
    private readonly ReferralApp _app = new();

    [Fact]
    public async Task A_referral_submitted_as_json_is_read_back_as_json_and_both_calls_are_audited_with_the_stated_purpose()
    {
        using var http = _app.CreateClient();
        using var submit = Request(HttpMethod.Post, "/v1/referrals", "police-mash", JsonFormatter.Default.Format(Samples.Submit("rest-1")));
        using var submitted = await http.SendAsync(submit);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var referralId = (await JsonOf(submitted)).GetProperty("referral").GetProperty("referralId").GetString();

        using var get = Request(HttpMethod.Get, $"/v1/referrals/{referralId}", "health-mash");
        using var read = await http.SendAsync(get);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var referral = await JsonOf(read);
        Assert.Equal(referralId, referral.GetProperty("referralId").GetString());
        Assert.Equal("REFERRAL_STATUS_AWAITING_SCREENING", referral.GetProperty("status").GetString());
        Assert.Equal("Amy", referral.GetProperty("details").GetProperty("child").GetProperty("givenName").GetString());
        var entries = await _app.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(["/mash.referral.v1.ReferralService/SubmitReferral", "/mash.referral.v1.ReferralService/GetReferral"], entries.Select(e => e.Method));
        Assert.All(entries, e => Assert.Equal("MASH screening", e.Purpose));
        Assert.All(entries, e => Assert.Equal("LAWFUL_BASIS_PUBLIC_TASK", e.LawfulBasis));
    }

    [Fact]
    public async Task Bad_input_is_a_400_whose_json_body_names_the_field()
    {
        using var http = _app.CreateClient();
        using var request = Request(HttpMethod.Post, "/v1/referrals/ref_missing:screen", "police-mash", """{"rag":"RAG_RED"}""");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var status = await JsonOf(response);
        Assert.Equal(3, status.GetProperty("code").GetInt32());
        var violations = status.GetProperty("details").EnumerateArray()
            .Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.BadRequest")
            .GetProperty("fieldViolations").EnumerateArray().Select(v => v.GetProperty("field").GetString()).ToList();
        Assert.Contains("rationale", violations);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_without_a_token_is_a_401_and_one_without_the_role_a_403_both_with_a_json_reason()
    {
        using var http = _app.CreateClient();
        using var anonymous = await http.GetAsync(new Uri("/v1/referrals", UriKind.Relative));
        using var request = Request(HttpMethod.Post, "/v1/referrals", "health-mash", JsonFormatter.Default.Format(Samples.Submit("rest-2")), MashRoles.ReferralRead);
        using var forbidden = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains(anonymous.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Contains("none was sent", (await JsonOf(anonymous)).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains(MashRoles.ReferralSubmit, (await JsonOf(forbidden)).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await _app.CountReferralsAsync());
    }

    [Fact]
    public async Task The_openapi_document_is_served_without_a_token_and_lists_the_rest_paths_audit_headers_and_bearer_auth()
    {
        using var http = _app.CreateClient();
        using var response = await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await JsonOf(response);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/v1/referrals", paths);
        Assert.Contains("/v1/referrals/{referralId}", paths);
        Assert.Contains("/v1/referrals/{referralId}:screen", paths);
        var getParameters = document.GetProperty("paths").GetProperty("/v1/referrals/{referralId}").GetProperty("get").GetProperty("parameters").EnumerateArray();
        Assert.Contains(getParameters, p => p.GetProperty("in").GetString() == "header" && p.GetProperty("name").GetString() == "x-mash-purpose");
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string clientId, string? json = null, params string[] roles)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        var caller = _app.As(clientId, roles: roles);
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(caller.GetValue("authorization")!);
        request.Headers.Add("x-mash-purpose", caller.GetValue("x-mash-purpose"));
        request.Headers.Add("x-mash-lawful-basis", caller.GetValue("x-mash-lawful-basis"));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return request;
    }

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public void Dispose() => _app.Dispose();
}
