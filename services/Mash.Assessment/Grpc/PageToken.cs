using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Mash.Assessment.Grpc;

/// <summary>
/// Keyset paging over (due time, id): a page stays correct while assessments start or are
/// completed, unlike an offset. The token is opaque to callers.
/// </summary>
internal sealed record PageToken(DateTime DueAt, string Id)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
        $"v1|{DueAt.Ticks.ToString(CultureInfo.InvariantCulture)}|{Id}"));

    public static bool TryDecode(string token, out PageToken? pageToken)
    {
        pageToken = null;
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('|');
            if (parts.Length == 3 && parts[0] == "v1" && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks is >= 0 and <= 3155378975999999999)
            {
                pageToken = new PageToken(new DateTime(ticks, DateTimeKind.Utc), parts[2]);
                return true;
            }
        }
        catch (FormatException)
        {
        }

        return false;
    }
}
