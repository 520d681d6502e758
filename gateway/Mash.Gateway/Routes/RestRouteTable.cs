using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf.Reflection;
using Yarp.ReverseProxy.Configuration;

namespace Mash.Gateway.Routes;

/// <summary>
/// The REST routes, derived from the gRPC routes: one per google.api.http binding of each
/// routed RPC, to the same cluster, under the same role policy and header match. The gRPC
/// route table stays the single place that says who may call what.
/// </summary>
internal static partial class RestRouteTable
{
    public const string KindKey = "Mash.Kind";
    public const string RestKind = "rest";

    public static IReadOnlyList<RouteConfig> From(IEnumerable<RouteConfig> grpcRoutes) =>
        [.. grpcRoutes.SelectMany(Derive)];

    private static IEnumerable<RouteConfig> Derive(RouteConfig grpc)
    {
        foreach (var method in ContractCatalog.MethodsOf(grpc.Match.Path ?? ""))
        {
            var bindings = BindingsOf(method);
            for (var i = 0; i < bindings.Count; i++)
            {
                var (verb, template) = bindings[i];
                yield return grpc with
                {
                    RouteId = $"{grpc.RouteId}-rest-{method.Name}-{i}",
                    Match = grpc.Match with { Path = RoutePattern(template), Methods = [verb] },
                    Metadata = new Dictionary<string, string> { [KindKey] = RestKind },
                };
            }
        }
    }

    /// <summary>The HTTP verb and path template of each binding, the main one first.</summary>
    public static IReadOnlyList<(string Verb, string Template)> BindingsOf(MethodDescriptor method)
    {
        var rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);
        if (rule is null)
        {
            return [];
        }

        return [.. new[] { rule }.Concat(rule.AdditionalBindings).Select(Binding).OfType<(string, string)>()];
    }

    private static (string, string)? Binding(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => ("GET", rule.Get),
        HttpRule.PatternOneofCase.Post => ("POST", rule.Post),
        HttpRule.PatternOneofCase.Put => ("PUT", rule.Put),
        HttpRule.PatternOneofCase.Delete => ("DELETE", rule.Delete),
        HttpRule.PatternOneofCase.Patch => ("PATCH", rule.Patch),
        _ => null,
    };

    /// <summary>
    /// An ASP.NET route pattern matching what the template matches: the gateway only matches
    /// and forwards the path unchanged, so field paths just need names routing accepts.
    /// </summary>
    public static string RoutePattern(string template) =>
        Variable().Replace(template, match => match.Groups["pattern"].Value.Contains("**", StringComparison.Ordinal)
            ? "{**" + Name(match) + "}"
            : "{" + Name(match) + "}");

    private static string Name(Match match) => match.Groups["name"].Value.Replace('.', '_');

    [GeneratedRegex(@"\{(?<name>[A-Za-z0-9_.]+)(=(?<pattern>[^}]*))?\}")]
    private static partial Regex Variable();
}
