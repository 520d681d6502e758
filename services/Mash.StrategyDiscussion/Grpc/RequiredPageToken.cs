using System.Globalization;
using Mash.Platform.Paging;

namespace Mash.StrategyDiscussion.Grpc;

/// <summary>Keyset paging over a list ordered latest required first: (required time, id), both descending.</summary>
internal sealed record RequiredPageToken(DateTime RequiredAt, string Id)
{
    private const string Version = "r1";

    public string Encode() => KeysetToken.Encode(Version, RequiredAt.Ticks.ToString(CultureInfo.InvariantCulture), Id);

    /// <summary>True with no token for an empty one (the first page); false for one this service did not issue.</summary>
    public static bool TryDecode(string token, out RequiredPageToken? pageToken)
    {
        pageToken = null;
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }

        if (KeysetToken.TryDecode(token, Version, out var key, out var id)
            && long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks)
        {
            pageToken = new RequiredPageToken(new DateTime(ticks, DateTimeKind.Utc), id);
            return true;
        }

        return false;
    }
}
