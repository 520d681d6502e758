using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Compression;
using System.Reflection;
using Mash.Platform.Buffers;
using Google.Protobuf;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Mash.Platform.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mash.Platform.Errors;

/// <summary>
/// Reads a gRPC call's request message before grpc-dotnet does and refuses one that is not a
/// message of the RPC's request type with INVALID_ARGUMENT (too large: RESOURCE_EXHAUSTED) and
/// a reason a partner can act on. grpc-dotnet deserializes before any interceptor runs and
/// answers such a body with UNKNOWN "Exception was thrown by handler." or INTERNAL
/// "Incomplete message.", codes that tell a caller the service is broken, not the request.
/// </summary>
/// <remarks>
/// The message is parsed twice (here, then by grpc-dotnet); requests are at most
/// <see cref="GrpcServiceOptions.MaxReceiveMessageSize"/> and small in practice, so the cost
/// is small next to the call's database work.
/// </remarks>
public static partial class GrpcRequestGuard
{
    private const int PrefixLength = 5;
    private static readonly ConcurrentDictionary<Type, MessageParser?> Parsers = new();

    public static IApplicationBuilder UseGrpcRequestGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;
        if (method is null || !GrpcStatusWriter.IsGrpc(context.Request)
            || method.Type is not (MethodType.Unary or MethodType.ServerStreaming)
            || ParserOf(method) is not { } parser)
        {
            await next(context);
            return;
        }

        var maxBytes = context.RequestServices.GetRequiredService<IOptions<GrpcServiceOptions>>().Value.MaxReceiveMessageSize ?? int.MaxValue;
        var (frame, refusal) = await ReadSingleMessageAsync(context, parser, maxBytes);
        if (refusal is { } status)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GrpcRequestGuard));
            LogRefused(logger, method.FullName, status.StatusCode, status.Detail);
            await GrpcStatusWriter.WriteAsync(context, status.StatusCode, status.Detail);
            return;
        }

        // grpc-dotnet reads the same bytes again from here; the pooled array goes back after the response.
        context.Response.RegisterForDispose(frame!);
        context.Request.Body = frame!.AsStream();
        await next(context);
    });

    private static async Task<(PooledBuffer? Frame, Status? Refusal)> ReadSingleMessageAsync(HttpContext context, MessageParser parser, int maxBytes)
    {
        var body = context.Request.Body;
        var cancel = context.RequestAborted;
        var prefix = new byte[PrefixLength];
        var read = await body.ReadAtLeastAsync(prefix, PrefixLength, throwOnEndOfStream: false, cancel);
        if (read == 0)
        {
            return (null, Invalid("The request carries no message: a gRPC call sends one length-prefixed message."));
        }

        if (read < PrefixLength)
        {
            return (null, Invalid("The request ends inside the message's 5-byte length prefix."));
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(prefix.AsSpan(1));
        if (length > (uint)maxBytes)
        {
            await DrainAsync(body, maxBytes, cancel);
            return (null, new Status(StatusCode.ResourceExhausted, $"The request message ({length} bytes) is larger than the service accepts ({maxBytes} bytes)."));
        }

        var frame = PooledBuffer.Rent(PrefixLength + (int)length);
        var (checkedFrame, refusal) = await CheckFrameAsync(context, parser, maxBytes, prefix, frame, length);
        if (refusal is not null)
        {
            frame.Dispose();
        }

        return (checkedFrame, refusal);
    }

    private static async Task<(PooledBuffer? Frame, Status? Refusal)> CheckFrameAsync(
        HttpContext context, MessageParser parser, int maxBytes, byte[] prefix, PooledBuffer frame, uint length)
    {
        var body = context.Request.Body;
        var cancel = context.RequestAborted;
        prefix.CopyTo(frame.Memory);
        var got = await body.ReadAtLeastAsync(frame.Memory[PrefixLength..], (int)length, throwOnEndOfStream: false, cancel);
        if (got < length)
        {
            return (null, Invalid($"The message's length prefix says {length} bytes but the request ends after {got}."));
        }

        if (await body.ReadAtLeastAsync(new byte[1], 1, throwOnEndOfStream: false, cancel) > 0)
        {
            await DrainAsync(body, maxBytes, cancel);
            return (null, Invalid("The request holds more than one message; this call takes exactly one."));
        }

        ReadOnlyMemory<byte> message = frame.Memory[PrefixLength..];
        switch (prefix[0])
        {
            case 0:
                break;
            case 1 when IsGzip(context.Request):
                if (await GunzipAsync(message, maxBytes, cancel) is not { } inflated)
                {
                    return (null, Invalid("The message is marked gzip-compressed but does not decompress, or decompresses to more than the service accepts."));
                }

                message = inflated;
                break;
            case 1 when !context.Request.Headers.ContainsKey("grpc-encoding") || context.Request.Headers["grpc-encoding"] == "identity":
                return (null, Invalid("The message is marked compressed but the call names no grpc-encoding."));
            case 1:
                // Another encoding: grpc-dotnet answers UNIMPLEMENTED for those it does not support.
                return (frame, null);
            default:
                return (null, Invalid($"The message's first byte (the compression flag) is {prefix[0]}; it must be 0 or 1."));
        }

        try
        {
            parser.ParseFrom(message.Span);
        }
        catch (InvalidProtocolBufferException invalid)
        {
            return (null, Invalid($"The request is not a valid {parser.GetType().GetGenericArguments().FirstOrDefault()?.Name ?? "message"}: {FirstSentence(invalid.Message)}"));
        }

        return (frame, null);
    }

    private static Status Invalid(string detail) => new(StatusCode.InvalidArgument, detail);

    /// <summary>Protobuf's messages go on to advise the library's own API; the first sentence is the reason.</summary>
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    private static bool IsGzip(HttpRequest request) =>
        string.Equals(request.Headers["grpc-encoding"], "gzip", StringComparison.OrdinalIgnoreCase);

    private static async Task<ReadOnlyMemory<byte>?> GunzipAsync(ReadOnlyMemory<byte> compressed, int maxBytes, CancellationToken cancel)
    {
        try
        {
            await using var gzip = new GZipStream(new MemoryStream(compressed.ToArray()), CompressionMode.Decompress);
            var buffer = new byte[maxBytes + 1L > Array.MaxLength ? Array.MaxLength : maxBytes + 1];
            var read = await gzip.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancel);
            return read > maxBytes ? null : buffer.AsMemory(0, read);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads what is left (bounded), so a proxy still sending the body does not see its stream
    /// reset before our answer, which it would report as a failure of its own.
    /// </summary>
    private static async Task DrainAsync(Stream body, int maxBytes, CancellationToken cancel)
    {
        var buffer = new byte[16 * 1024];
        long drained = 0;
        int read;
        while (drained <= maxBytes && (read = await body.ReadAsync(buffer, cancel)) > 0)
        {
            drained += read;
        }
    }

    private static MessageParser? ParserOf(IMethod method) => Parsers.GetOrAdd(method.GetType(), type =>
        type.IsGenericType && type.GetGenericArguments() is [var request, _]
            ? request.GetProperty("Parser", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as MessageParser
            : null);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Refused a malformed request to {Method}: {Code} {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, StatusCode code, string reason);
}
