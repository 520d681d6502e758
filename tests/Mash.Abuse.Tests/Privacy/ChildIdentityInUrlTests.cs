using System.Net;
using System.Text.RegularExpressions;
using Google.Api;
using Mash.Abuse.Tests.Access;
using Mash.Abuse.Tests.Infrastructure;

namespace Mash.Abuse.Tests.Privacy;

/// <summary>
/// At each service directly (inside a cluster, past the gateway): no REST binding of any public
/// RPC takes a child's identity in its query string; each answers 400 naming the parameter and
/// never echoes the NHS number.
/// </summary>
[Collection(AbuseCollection.Name)]
public sealed partial class ChildIdentityInUrlTests(AbuseNode node)
{
    private const string NhsNumber = "9434765919";

    private static readonly HttpClient H2c = new(new SocketsHttpHandler());

    [Fact]
    public async Task Every_rest_binding_at_every_service_refuses_a_child_in_the_query()
    {
        var bindings = PublicRpcs.AllMethods
            .SelectMany(m => Bindings(m.GetOptions()?.GetExtension(AnnotationsExtensions.Http)).Select(b => (Method: m, b.Verb, b.Path)))
            .ToList();
        var token = node.Tokens.WithRoles(RoleTable.Roles);
        var wrong = new List<string>();

        foreach (var (method, verb, template) in bindings)
        {
            var address = node.DirectAddressOf(method.Service.FullName);
            var path = PathVariable().Replace(template, "abc");
            // Services listen for HTTP/2 only (cleartext, prior knowledge).
            using var request = new HttpRequestMessage(new HttpMethod(verb), $"{address}{path}?child.nhsNumber={NhsNumber}")
            {
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            request.Headers.Add("x-mash-service", "assessment");
            if (verb != "GET")
            {
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }

            using var response = await H2c.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.BadRequest || !body.Contains("\"field\":\"child.nhsNumber\"", StringComparison.Ordinal) || body.Contains(NhsNumber, StringComparison.Ordinal))
            {
                wrong.Add($"{verb} {path} at {address}: {(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
            }
        }

        Assert.True(bindings.Count > 40, $"only {bindings.Count} REST bindings");
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    private static IEnumerable<(string Verb, string Path)> Bindings(HttpRule? rule) =>
        rule is null ? [] : new[] { rule }.Concat(rule.AdditionalBindings).Select(r => r.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => ("GET", r.Get),
            HttpRule.PatternOneofCase.Post => ("POST", r.Post),
            HttpRule.PatternOneofCase.Delete => ("DELETE", r.Delete),
            HttpRule.PatternOneofCase.Put => ("PUT", r.Put),
            HttpRule.PatternOneofCase.Patch => ("PATCH", r.Patch),
            _ => ("", ""),
        }).Where(b => b.Item1 != "");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex PathVariable();
}
