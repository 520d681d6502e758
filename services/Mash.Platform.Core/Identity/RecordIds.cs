using System.Security.Cryptography;

namespace Mash.Platform.Identity;

/// <summary>
/// Ids of records and events, and random tokens. An id is a prefix and a version 7 UUID as 32 hex digits: its first
/// 48 bits are the time in milliseconds, so ids sort by when they were made, as <see cref="Guid.CreateVersion7(DateTimeOffset)"/>
/// lays them out. The random bits come from <see cref="RandomNumberGenerator"/> (OpenSSL's generator, in the process):
/// <see cref="Guid.NewGuid"/> and <see cref="Guid.CreateVersion7(DateTimeOffset)"/> read <c>/dev/urandom</c> with a system
/// call for each one on this runtime, two or three per submitted referral.
/// </summary>
public static class RecordIds
{
    /// <summary><paramref name="prefix"/> and a version 7 UUID for <paramref name="now"/>, e.g. <c>ref_01a2…</c>.</summary>
    public static string New(string prefix, DateTimeOffset now) => prefix + NewVersion7(now).ToString("N");

    /// <summary>A version 7 UUID (RFC 9562): 48 bits of Unix time in milliseconds, the version, 74 random bits, the variant.</summary>
    public static Guid NewVersion7(DateTimeOffset now)
    {
        var milliseconds = now.ToUnixTimeMilliseconds();
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds, nameof(now));
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes[6..]);
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(milliseconds >> (8 * (5 - i)));
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>128 random bits as 32 hex digits: a token that names nothing and must not be guessed (a message's lock).</summary>
    public static string NewToken()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
