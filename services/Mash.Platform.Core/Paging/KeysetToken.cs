using System.Buffers.Text;
using System.Text;

namespace Mash.Platform.Paging;

/// <summary>
/// The opaque text of a keyset page token: base64url of "version|key|id". Each token type
/// owns its version and how its key reads, so tokens of one list are refused by another.
/// </summary>
public static class KeysetToken
{
    public static string Encode(string version, string key, string id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{version}|{key}|{id}"));

    /// <summary>False for anything not issued with <paramref name="version"/>, including text that is not base64url.</summary>
    public static bool TryDecode(string token, string version, out string key, out string id)
    {
        key = id = "";
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('|');
            if (parts.Length == 3 && parts[0] == version)
            {
                (key, id) = (parts[1], parts[2]);
                return true;
            }
        }
        catch (FormatException)
        {
        }

        return false;
    }
}
