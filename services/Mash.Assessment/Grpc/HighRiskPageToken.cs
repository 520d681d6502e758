using System.Globalization;
using Mash.Platform.Paging;

namespace Mash.Assessment.Grpc;

/// <summary>Keyset paging over the daily list's order (severity, most serious first, then child key); opaque to callers.</summary>
internal sealed record HighRiskPageToken(int Severity, string ChildKey)
{
    private const string Version = "h1";

    public string Encode() => KeysetToken.Encode(Version, Severity.ToString(CultureInfo.InvariantCulture), ChildKey);

    public bool Precedes(int severity, string childKey) =>
        severity < Severity || (severity == Severity && string.CompareOrdinal(childKey, ChildKey) > 0);

    public static bool TryDecode(string token, out HighRiskPageToken? pageToken)
    {
        pageToken = null;
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }

        if (KeysetToken.TryDecode(token, Version, out var key, out var childKey)
            && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var severity))
        {
            pageToken = new HighRiskPageToken(severity, childKey);
            return true;
        }

        return false;
    }
}
