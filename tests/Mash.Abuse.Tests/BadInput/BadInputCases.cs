using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Mash.Abuse.Tests.Infrastructure;

namespace Mash.Abuse.Tests.BadInput;

/// <summary>
/// Bad requests generated from a fixed seed, spread over every public RPC: random bytes,
/// truncated and bit-flipped valid messages, malformed tags and wire types, deeply nested
/// groups, broken frames. Every protobuf case is checked here to be one the parser refuses,
/// so INVALID_ARGUMENT is the only right answer.
/// </summary>
public static class BadInputCases
{
    public const int Seed = 20261126;

    private static readonly Dictionary<string, string> DeadLetterHeaders = new() { ["x-mash-service"] = "assessment" };

    public static IReadOnlyList<BadInputCase> Generate()
    {
        var random = new Random(Seed);
        var methods = PublicRpcs.AllMethods;
        var cases = new List<BadInputCase>();
        for (var i = 0; i < 500; i++)
        {
            var method = methods[i % methods.Count];
            var kind = (i / methods.Count) % 5;
            var body = kind switch
            {
                0 => Unparseable(method, random, RandomBytes),
                1 => Unparseable(method, random, Truncated),
                2 => Unparseable(method, random, BitFlipped),
                3 => Unparseable(method, random, MalformedTag),
                _ => Unparseable(method, random, (m, r) => DeepGroups(r.Next(101, 3000))),
            };
            if (body is not null)
            {
                cases.Add(Case(KindNames[kind], method, RawGrpc.Frame(body), StatusCode.InvalidArgument));
            }
        }

        cases.AddRange(BrokenFrames(random, methods));
        return cases;
    }

    private static readonly string[] KindNames = ["random-bytes", "truncated", "bit-flipped", "malformed-tag", "deep-groups"];

    public static BadInputCase Case(string kind, MethodDescriptor method, byte[] body, StatusCode expected) =>
        new(kind, PublicRpcs.PathOf(method), body, expected,
            method.Service.Name is "DeadLetterService" or "DeliveryService" or "ServiceGovernance" or "ServiceFigures" ? DeadLetterHeaders : null);

    /// <summary>Tries a generator until the parser refuses what it made (a mutation can stay valid by chance).</summary>
    private static byte[]? Unparseable(MethodDescriptor method, Random random, Func<MethodDescriptor, Random, byte[]> generate)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var bytes = generate(method, random);
            if (SampleMessages.IsUnparseable(method.InputType, bytes))
            {
                return bytes;
            }
        }

        return null;
    }

    private static byte[] Valid(MethodDescriptor method) => SampleMessages.Filled(method.InputType).ToByteArray();

    private static byte[] RandomBytes(MethodDescriptor method, Random random)
    {
        var bytes = new byte[random.Next(1, 200)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Truncated(MethodDescriptor method, Random random)
    {
        var valid = Valid(method);
        return valid.Length < 2 ? RandomBytes(method, random) : valid[..random.Next(1, valid.Length)];
    }

    private static byte[] BitFlipped(MethodDescriptor method, Random random)
    {
        var bytes = Valid(method);
        if (bytes.Length == 0)
        {
            return RandomBytes(method, random);
        }

        for (var flips = random.Next(1, 4); flips > 0; flips--)
        {
            bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
        }

        return bytes;
    }

    /// <summary>A valid message with one broken field appended: a reserved wire type, field 0, a stray end-group, an endless varint, a length past the end.</summary>
    private static byte[] MalformedTag(MethodDescriptor method, Random random)
    {
        var field = random.Next(1, 40);
        byte[] broken = random.Next(6) switch
        {
            0 => Varint((ulong)((field << 3) | 6)),
            1 => Varint((ulong)((field << 3) | 7)),
            2 => [0x00, 0x01],
            3 => Varint((ulong)((field << 3) | 4)),
            4 => [.. Varint((ulong)(field << 3)), .. Enumerable.Repeat((byte)0xFF, 11)],
            _ => [.. Varint((ulong)((field << 3) | 2)), .. Varint((ulong)random.Next(10, 100_000)), 0x41],
        };
        return [.. Valid(method), .. broken];
    }

    /// <summary>Unknown-field groups nested deeper than the parser's recursion limit (100).</summary>
    public static byte[] DeepGroups(int depth)
    {
        var start = Varint((99 << 3) | 3);
        var end = Varint((99 << 3) | 4);
        var bytes = new List<byte>(depth * 4);
        for (var i = 0; i < depth; i++)
        {
            bytes.AddRange(start);
        }

        for (var i = 0; i < depth; i++)
        {
            bytes.AddRange(end);
        }

        return [.. bytes];
    }

    private static IEnumerable<BadInputCase> BrokenFrames(Random random, IReadOnlyList<MethodDescriptor> methods)
    {
        for (var i = 0; i < methods.Count; i++)
        {
            var method = methods[i];
            var valid = Valid(method);
            yield return Case("frame-length-past-end", method, RawGrpc.Frame(valid, declaredLength: valid.Length + random.Next(1, 1000)), StatusCode.InvalidArgument);
            yield return Case("frame-trailing-bytes", method, [.. RawGrpc.Frame(valid), .. RawGrpc.Frame(valid)], StatusCode.InvalidArgument);
            yield return Case("frame-compressed-without-encoding", method, RawGrpc.Frame(valid, flag: 1), StatusCode.InvalidArgument);
            yield return Case("frame-unknown-flag", method, RawGrpc.Frame(valid, flag: (byte)random.Next(2, 256)), StatusCode.InvalidArgument);
            yield return Case("frame-short-prefix", method, [0, 0, (byte)random.Next(256)], StatusCode.InvalidArgument);
        }
    }

    public static byte[] Varint(ulong value)
    {
        var bytes = new List<byte>();
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
        return [.. bytes];
    }
}
