using System.Buffers;
using Grpc.Core;
using Mash.Platform.Errors;

namespace Mash.Platform.Tests.Errors;

public sealed class RequestFrameTests
{
    private const int Max = 1024;

    private static byte[] Frame(uint declared, int bodyBytes, byte flag = 0) =>
        [flag, (byte)(declared >> 24), (byte)(declared >> 16), (byte)(declared >> 8), (byte)declared, .. new byte[bodyBytes]];

    private static RequestFrame Inspect(byte[] received, bool complete) =>
        RequestFrame.Inspect(new ReadOnlySequence<byte>(received), received.Length, complete, Max);

    [Fact]
    public void A_whole_message_is_whole_once_the_caller_has_finished()
    {
        var frame = Frame(10, 10, flag: 1);

        Assert.False(Inspect(frame, complete: false).IsWhole);
        Assert.Null(Inspect(frame, complete: false).Refusal);
        var whole = Inspect(frame, complete: true);
        Assert.True(whole.IsWhole);
        Assert.Equal(10, whole.MessageLength);
        Assert.Equal(1, whole.CompressionFlag);
    }

    [Fact]
    public void A_part_of_the_message_waits_for_more_and_knows_how_long_the_message_is()
    {
        var part = Inspect(Frame(100, 40), complete: false);

        Assert.Null(part.Refusal);
        Assert.False(part.IsWhole);
        Assert.Equal(100, part.MessageLength);
        Assert.Null(Inspect([0, 0], complete: false).Refusal);
    }

    [Theory]
    [InlineData(new byte[0], "carries no message")]
    [InlineData(new byte[] { 0, 0 }, "length prefix")]
    public void A_body_that_ends_before_its_prefix_is_invalid(byte[] body, string reason)
    {
        var frame = Inspect(body, complete: true);

        Assert.Equal(StatusCode.InvalidArgument, frame.Refusal?.StatusCode);
        Assert.Contains(reason, frame.Refusal?.Detail, StringComparison.Ordinal);
        Assert.False(frame.Drain);
    }

    [Fact]
    public void A_message_shorter_than_its_prefix_says_is_invalid_with_both_lengths()
    {
        var frame = Inspect(Frame(100, 40), complete: true);

        Assert.Equal(StatusCode.InvalidArgument, frame.Refusal?.StatusCode);
        Assert.Contains("says 100 bytes but the request ends after 40", frame.Refusal?.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_message_is_refused_as_soon_as_its_first_byte_arrives_and_the_rest_is_drained()
    {
        var frame = Inspect(Frame(10, 11), complete: false);

        Assert.Equal(StatusCode.InvalidArgument, frame.Refusal?.StatusCode);
        Assert.Contains("more than one message", frame.Refusal?.Detail, StringComparison.Ordinal);
        Assert.True(frame.Drain);
        Assert.False(Inspect(Frame(10, 11), complete: true).Drain);
    }

    [Theory]
    [InlineData(Max + 1u)]
    [InlineData(uint.MaxValue)]
    public void A_declared_length_over_the_limit_is_resource_exhausted_before_the_message_arrives(uint declared)
    {
        var frame = Inspect(Frame(declared, 0), complete: false);

        Assert.Equal(StatusCode.ResourceExhausted, frame.Refusal?.StatusCode);
        Assert.Contains($"({declared} bytes) is larger than the service accepts ({Max} bytes)", frame.Refusal?.Detail, StringComparison.Ordinal);
        Assert.True(frame.Drain);
    }

    [Fact]
    public void The_prefix_is_read_across_segments()
    {
        var frame = Frame(3, 3);
        var first = new Segment(frame.AsMemory(0, 2));
        var last = first.Append(frame.AsMemory(2));
        var split = new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);

        var inspected = RequestFrame.Inspect(split, frame.Length, complete: true, Max);

        Assert.True(inspected.IsWhole);
        Assert.Equal(3, inspected.MessageLength);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
