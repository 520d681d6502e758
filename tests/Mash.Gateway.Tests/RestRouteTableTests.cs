using Mash.Gateway.Routes;
using Microsoft.Extensions.Configuration;
using Yarp.ReverseProxy.Configuration;

namespace Mash.Gateway.Tests;

/// <summary>The REST routes derived from the gateway's own gRPC route table (appsettings.json).</summary>
public sealed class RestRouteTableTests
{
    private static readonly IReadOnlyList<RouteConfig> Routes = new DerivedRoutes(new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build()).GetConfig().Routes;

    [Theory]
    [InlineData("POST", "/v1/referrals", "referral", "Referral.Submit")]
    [InlineData("GET", "/v1/referrals/{referral_id}", "referral", "Referral.Read")]
    [InlineData("POST", "/v1/referrals/{referral_id}:decide", "referral", "Referral.Decide")]
    [InlineData("POST", "/v1/cseFlags", "assessment", "Cse.Manage")]
    [InlineData("POST", "/v1/strategyDiscussions:search", "strategy", "Strategy.Read")]
    [InlineData("GET", "/v1/offenders/{offender_id}", "offender", "Offender.View")]
    [InlineData("POST", "/v1/detentions/{detention_id}/reviews/{review_id}:toldOnWaking", "custody", "Custody.Officer")]
    [InlineData("GET", "/v1/detentions:breaches", "custody", "Custody.Read")]
    [InlineData("GET", "/v1/accommodationRequests", "custody", "Custody.Accommodate")]
    [InlineData("POST", "/v1/investigations/{investigation_id}:allocate", "investigation", "Investigation.Supervise")]
    [InlineData("GET", "/v1/investigations:capacity", "investigation", "Investigation.Figures")]
    [InlineData("GET", "/v1/caseAudits:results", "investigation", "Investigation.AuditFigures")]
    [InlineData("POST", "/v1/missingEpisodes", "assessment", "Missing.Report")]
    [InlineData("POST", "/v1/missingEpisodes/{episode_id}/returnInterview", "assessment", "Missing.Interview")]
    [InlineData("GET", "/v1/missingEpisodes:meeting", "assessment", "Missing.Read")]
    public void A_rest_route_has_the_cluster_and_role_policy_of_its_grpc_route(string verb, string path, string cluster, string policy)
    {
        var route = Assert.Single(Routes, r => r.Match.Path == path && r.Match.Methods!.Contains(verb));

        Assert.Equal(cluster, route.ClusterId);
        Assert.Equal(policy, route.AuthorizationPolicy);
    }

    [Theory]
    [InlineData("/v1/topics/{topic}/deadLetters")]
    [InlineData("/v1/deliveries:unacknowledged")]
    public void Platform_rest_routes_keep_the_header_that_picks_the_service(string path)
    {
        var routes = Routes.Where(r => r.Match.Path == path).ToList();

        Assert.Equal(["assessment", "custody", "investigation", "offender", "referral", "strategy"], routes.Select(r => r.ClusterId).Order());
        Assert.All(routes, r => Assert.Equal("Events.Admin", r.AuthorizationPolicy));
        Assert.All(routes, r => Assert.Equal([r.ClusterId!], Assert.Single(r.Match.Headers!).Values!));
    }

    [Fact]
    public void Every_routed_rpc_has_a_rest_route_and_no_two_rest_routes_match_the_same_request()
    {
        var rest = Routes.Where(r => r.Metadata?[RestRouteTable.KindKey] == RestRouteTable.RestKind).ToList();
        var grpcRoutes = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build()
            .GetSection("ReverseProxy:Routes").GetChildren().ToList();

        Assert.All(grpcRoutes, grpc => Assert.Contains(rest, r => r.RouteId.StartsWith(grpc.Key + "-rest-", StringComparison.Ordinal)));
        var keys = rest.Select(r => $"{r.Match.Methods![0]} {r.Match.Path} {string.Join(',', r.Match.Headers?.SelectMany(h => h.Values!) ?? [])}").ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void Only_the_openapi_documents_are_anonymous()
    {
        var anonymous = Routes.Where(r => r.AuthorizationPolicy == "anonymous").ToList();

        Assert.Equal(["/openapi/assessment.json", "/openapi/custody.json", "/openapi/investigation.json", "/openapi/offender.json", "/openapi/referral.json", "/openapi/strategy.json"],
            anonymous.Select(r => r.Match.Path!).Order(StringComparer.Ordinal));
        Assert.All(anonymous, r => Assert.True(OpenApiRoutes.IsOpenApiRoute(r)));
    }

    [Theory]
    [InlineData("/v1/referrals/{referral_id}:screen", "/v1/referrals/{referral_id}:screen")]
    [InlineData("/v1/children/{child.nhs_number}", "/v1/children/{child_nhs_number}")]
    [InlineData("/v1/{name=files/**}", "/v1/{**name}")]
    public void Http_rule_templates_become_route_patterns(string template, string pattern) =>
        Assert.Equal(pattern, RestRouteTable.RoutePattern(template));
}
