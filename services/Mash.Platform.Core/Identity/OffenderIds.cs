using System.Buffers;

namespace Mash.Platform.Identity;

/// <summary>
/// The shape of the Offender service's offender ids ("off_" and 32 lowercase hex digits), so another
/// service of the node can refuse a mistyped one when it is given, not after it was stored.
/// </summary>
public static class OffenderIds
{
    public const string Prefix = "off_";
    public const int Length = 36;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdef");

    public static bool IsWellFormed(string id) =>
        id.Length == Length && id.StartsWith(Prefix, StringComparison.Ordinal) && !id.AsSpan(Prefix.Length).ContainsAnyExcept(HexDigits);
}
