using System.Security.Cryptography;
using Google.Protobuf;

namespace Mash.Offender.Domain;

/// <summary>
/// A command's body without its idempotency key: a retry has the same fingerprint, another
/// command under the same key a different one.
/// </summary>
public static class RequestFingerprint
{
    public static string Of<T>(T request) where T : IMessage<T>
    {
        var body = request.Clone();
        body.Descriptor.FindFieldByName("idempotency_key")?.Accessor.SetValue(body, "");
        return Convert.ToHexStringLower(SHA256.HashData(body.ToByteArray()));
    }
}
