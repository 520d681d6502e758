using Yarp.ReverseProxy.Transforms;

namespace Mash.Gateway.Routes;

/// <summary>
/// Removes request headers that claim an identity, so a caller cannot assert one the token
/// does not carry. The authorization header stays (services validate the token themselves),
/// and so do x-mash-purpose and x-mash-lawful-basis, which the audit trail records.
/// </summary>
internal sealed class IdentityHeaderStripping(IEnumerable<string> configured) : RequestTransform
{
    /// <summary>Always stripped, whatever is configured; a trailing * makes a prefix.</summary>
    public static readonly IReadOnlyList<string> BuiltIn =
    [
        "x-mash-agency", "x-mash-client-id", "x-mash-roles", "x-mash-caller*",
        "x-ms-client-principal*", "x-forwarded-user", "x-remote-user",
    ];

    private readonly string[] _exact = [.. BuiltIn.Concat(configured).Where(h => !h.EndsWith('*'))];
    private readonly string[] _prefixes = [.. BuiltIn.Concat(configured).Where(h => h.EndsWith('*')).Select(h => h.TrimEnd('*'))];

    public override ValueTask ApplyAsync(RequestTransformContext context)
    {
        foreach (var name in context.HttpContext.Request.Headers.Keys.ToArray())
        {
            if (IsStripped(name))
            {
                RemoveHeader(context, name);
            }
        }

        return ValueTask.CompletedTask;
    }

    public bool IsStripped(string name) =>
        _exact.Contains(name, StringComparer.OrdinalIgnoreCase)
        || _prefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}
