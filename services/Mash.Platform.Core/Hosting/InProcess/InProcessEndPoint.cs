using System.Net;

namespace Mash.Platform.Hosting.InProcess;

/// <summary>
/// Where a Kestrel server of this process takes connections from callers in the same process: the authority
/// (<c>host:port</c>) of its TCP endpoint, so a caller dialling that address is handed the in-process listener instead.
/// </summary>
public sealed class InProcessEndPoint(string authority) : EndPoint
{
    public string Authority { get; } = Normalise(authority);

    public static string Normalise(string authority) => authority.Trim().ToLowerInvariant();

    public override string ToString() => $"inprocess://{Authority}";

    public override bool Equals(object? obj) => obj is InProcessEndPoint other && other.Authority == Authority;

    public override int GetHashCode() => Authority.GetHashCode(StringComparison.Ordinal);
}
