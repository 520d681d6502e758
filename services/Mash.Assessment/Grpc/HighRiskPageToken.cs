using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Mash.Assessment.Grpc;

/// <summary>Keyset paging over the daily list's order (severity, most serious first, then child key); opaque to callers.</summary>
internal sealed record HighRiskPageToken(int Severity, string ChildKey)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
        $"h1|{Severity.ToString(CultureInfo.InvariantCulture)}|{ChildKey}"));

    public bool Precedes(int severity, string childKey) =>
        severity < Severity || (severity == Severity && string.CompareOrdinal(childKey, ChildKey) > 0);

    public static bool TryDecode(string token, out HighRiskPageToken? pageToken)
    {
        pageToken = null;
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('|');
            if (parts.Length == 3 && parts[0] == "h1" && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var severity))
            {
                pageToken = new HighRiskPageToken(severity, parts[2]);
                return true;
            }
        }
        catch (FormatException)
        {
        }

        return false;
    }
}
