using System.Buffers;
using System.Buffers.Binary;
using Grpc.Core;

namespace Mash.Platform.Errors;

/// <summary>
/// What a unary call's request body read so far says: wait for more, one whole length-prefixed message, or a
/// refusal with the reason a partner can act on. Only the 5-byte prefix is looked at; the message itself is checked
/// once it has all arrived.
/// </summary>
/// <param name="Drain">Whether the caller may still be sending: read the rest away before answering.</param>
internal readonly record struct RequestFrame(Status? Refusal, bool Drain, bool IsWhole, int MessageLength, byte CompressionFlag)
{
    public const int PrefixLength = 5;

    /// <param name="start">The body's first bytes (at least <see cref="PrefixLength"/> when that many have arrived).</param>
    /// <param name="received">How many bytes of the body have arrived.</param>
    /// <param name="complete">Whether the caller has finished sending.</param>
    /// <param name="maxBytes">The largest message the service accepts.</param>
    public static RequestFrame Inspect(in ReadOnlySequence<byte> start, long received, bool complete, int maxBytes)
    {
        if (received < PrefixLength)
        {
            return !complete ? default
                : received == 0 ? Refused("The request carries no message: a gRPC call sends one length-prefixed message.")
                : Refused("The request ends inside the message's 5-byte length prefix.");
        }

        Span<byte> prefix = stackalloc byte[PrefixLength];
        start.Slice(0, PrefixLength).CopyTo(prefix);
        var length = BinaryPrimitives.ReadUInt32BigEndian(prefix[1..]);
        if (length > (uint)maxBytes)
        {
            return new RequestFrame(
                new Status(StatusCode.ResourceExhausted, $"The request message ({length} bytes) is larger than the service accepts ({maxBytes} bytes)."),
                Drain: !complete, IsWhole: false, 0, 0);
        }

        var framed = PrefixLength + (long)length;
        if (received > framed)
        {
            return Refused("The request holds more than one message; this call takes exactly one.") with { Drain = !complete };
        }

        if (!complete)
        {
            // More to come; the length tells a reader how much to expect.
            return default(RequestFrame) with { MessageLength = (int)length };
        }

        return received < framed
            ? Refused($"The message's length prefix says {length} bytes but the request ends after {received - PrefixLength}.")
            : new RequestFrame(null, Drain: false, IsWhole: true, (int)length, prefix[0]);
    }

    private static RequestFrame Refused(string detail) => new(new Status(StatusCode.InvalidArgument, detail), Drain: false, IsWhole: false, 0, 0);
}
