using System.Globalization;
using System.Text;

namespace Mash.Platform.Auth;

/// <summary>
/// grpc-message as the gRPC HTTP/2 protocol writes it: the message's UTF-8 bytes, with only those
/// outside 0x20-0x7E and '%' itself percent-encoded. <see cref="Uri.EscapeDataString"/> also
/// encodes ':' and spaces, which tools that show the header raw then show as %3A and %20.
/// </summary>
public static class GrpcMessageEncoding
{
    public static string Encode(string message)
    {
        if (!message.Any(NeedsEncoding))
        {
            return message;
        }

        var encoded = new StringBuilder(message.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (NeedsEncoding((char)b))
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                encoded.Append((char)b);
            }
        }

        return encoded.ToString();
    }

    private static bool NeedsEncoding(char c) => c is < ' ' or > '~' or '%';
}
