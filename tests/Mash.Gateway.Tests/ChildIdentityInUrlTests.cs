using System.Net;
using System.Text.RegularExpressions;
using Mash.Gateway.Routes;
using Mash.Gateway.Tests.Infrastructure;
using Mash.Platform.Rest;
using Microsoft.Extensions.Configuration;
using static Mash.Gateway.Tests.Infrastructure.Requests;

namespace Mash.Gateway.Tests;

/// <summary>No REST route of the gateway takes a child's identity in its URL: every one, from the route table.</summary>
public sealed partial class ChildIdentityInUrlTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static readonly string[] IdentifyingParameters =
        ["child.nhsNumber", "child.nhs_number", "child.givenName", "child.familyName", "child.dateOfBirth", "nhsNumber"];

    public static TheoryData<string, string> RestRoutes()
    {
        var routes = new DerivedRoutes(new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build()).GetConfig().Routes
            .Where(r => r.Metadata?[RestRouteTable.KindKey] == RestRouteTable.RestKind)
            .Select(r => (Verb: r.Match.Methods![0], Path: r.Match.Path!))
            .Distinct();
        var data = new TheoryData<string, string>();
        foreach (var (verb, path) in routes)
        {
            data.Add(verb, path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RestRoutes))]
    public async Task A_childs_identity_in_the_query_is_a_400_naming_the_parameter_on_every_rest_route(string verb, string template)
    {
        var token = await fixture.Gateway.TokenAsync("police-mash");
        var path = PathVariable().Replace(template, "abc");
        foreach (var parameter in IdentifyingParameters)
        {
            using var request = Rest(new HttpMethod(verb), $"{path}?{parameter}=9434765919", token, verb == "GET" ? null : "{}");
            using var response = await fixture.Gateway.Http.SendAsync(request);

            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{verb} {path}?{parameter}=… answered {(int)response.StatusCode}: {body}");
            var violation = (await JsonAsync(response)).GetProperty("details")[0].GetProperty("fieldViolations")[0];
            Assert.Equal(parameter, violation.GetProperty("field").GetString());
            Assert.DoesNotContain("9434765919", body, StringComparison.Ordinal);
            // Readable as it stands in a terminal: no \u0027 for the apostrophe.
            Assert.Contains("A child's identity never goes in a URL", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void No_route_template_puts_a_persons_identity_in_the_path()
    {
        var variables = RestRoutes().Select(row => (string)row[1]).SelectMany(path => PathVariable().Matches(path).Select(m => m.Value.Trim('{', '}')));
        Assert.All(variables, variable => Assert.False(ChildIdentityInUrl.Identifies(variable), $"{variable} names a person"));
    }

    [Fact]
    public async Task Filters_that_name_no_one_still_work_in_the_query()
    {
        var token = await fixture.Gateway.TokenAsync("police-mash");
        using var response = await fixture.Gateway.Http.SendAsync(Rest(HttpMethod.Get, "/v1/referrals/abc?statuses=REFERRAL_STATUS_AWAITING_SCREENING", token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex PathVariable();
}
