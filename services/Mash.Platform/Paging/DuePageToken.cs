using System.Globalization;

namespace Mash.Platform.Paging;

/// <summary>
/// Keyset paging over (due time, id): a page stays correct while work arrives or is
/// finished, unlike an offset. The token is opaque to callers.
/// </summary>
public sealed record DuePageToken(DateTime DueAt, string Id)
{
    private const string Version = "v1";
    private const long MaxTicks = 3155378975999999999; // DateTime.MaxValue.Ticks: anything beyond is no date

    public string Encode() => KeysetToken.Encode(Version, DueAt.Ticks.ToString(CultureInfo.InvariantCulture), Id);

    /// <summary>True with no token for an empty one (the first page); false for one this service did not issue.</summary>
    public static bool TryDecode(string token, out DuePageToken? pageToken)
    {
        pageToken = null;
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }

        if (KeysetToken.TryDecode(token, Version, out var key, out var id)
            && long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks is >= 0 and <= MaxTicks)
        {
            pageToken = new DuePageToken(new DateTime(ticks, DateTimeKind.Utc), id);
            return true;
        }

        return false;
    }
}
