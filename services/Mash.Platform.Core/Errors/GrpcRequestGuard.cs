using System.Buffers;
using System.IO.Pipelines;
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
/// The body is read in place through the request's pipe and left unread, so grpc-dotnet reads the same bytes
/// without a copy or a stream over one; only a message too large to hold unread (over <see cref="InPlaceLimit"/>) is
/// copied. The message is parsed twice (here, then by grpc-dotnet); requests are small in practice, and a parse is
/// small next to the call's database work.
/// </remarks>
public static partial class GrpcRequestGuard
{
    /// <summary>
    /// The most the guard holds unread. Unread bytes keep HTTP/2's flow-control window closed (a stream's is 768 KB
    /// in Kestrel), so a larger message, up to the service's limit, is copied out as it arrives instead.
    /// </summary>
    internal const int InPlaceLimit = 64 * 1024;

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
        if (await CheckRequestAsync(context, parser, maxBytes) is { } status)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GrpcRequestGuard));
            LogRefused(logger, method.FullName, status.StatusCode, status.Detail);
            await GrpcStatusWriter.WriteAsync(context, status.StatusCode, status.Detail);
            return;
        }

        await next(context);
    });

    /// <summary>Reads the body up to its end and checks it, leaving it for grpc-dotnet to read again.</summary>
    private static async Task<Status?> CheckRequestAsync(HttpContext context, MessageParser parser, int maxBytes)
    {
        var reader = context.Request.BodyReader;
        var cancel = context.RequestAborted;
        PooledBuffer? copy = null;
        var copied = 0;
        try
        {
            while (true)
            {
                var read = await reader.ReadAsync(cancel);
                var body = read.Buffer;
                var frame = RequestFrame.Inspect(copy is null ? body : new ReadOnlySequence<byte>(copy.Memory), copied + body.Length, read.IsCompleted, maxBytes);
                if (frame.Refusal is { } refusal)
                {
                    reader.AdvanceTo(body.End);
                    if (frame.Drain)
                    {
                        await DrainAsync(reader, maxBytes, cancel);
                    }

                    return refusal;
                }

                if (frame.IsWhole && copy is null)
                {
                    var verdict = CheckMessage(context.Request, parser, body.Slice(RequestFrame.PrefixLength), frame.CompressionFlag, maxBytes);
                    // Examined, not consumed: grpc-dotnet's read gets the same bytes.
                    reader.AdvanceTo(body.Start, body.End);
                    return verdict;
                }

                if (!frame.IsWhole && copy is null && body.Length <= InPlaceLimit)
                {
                    reader.AdvanceTo(body.Start, body.End);
                    continue;
                }

                copy ??= PooledBuffer.Rent(RequestFrame.PrefixLength + frame.MessageLength);
                body.CopyTo(copy.Memory.Span[copied..]);
                copied += (int)body.Length;
                reader.AdvanceTo(body.End);
                if (frame.IsWhole)
                {
                    if (CheckMessage(context.Request, parser, new ReadOnlySequence<byte>(copy.Memory[RequestFrame.PrefixLength..]), frame.CompressionFlag, maxBytes) is { } invalid)
                    {
                        return invalid;
                    }

                    // grpc-dotnet reads the copy; the pooled array goes back after the response.
                    context.Response.RegisterForDispose(copy);
                    context.Request.Body = copy.AsStream();
                    copy = null;
                    return null;
                }
            }
        }
        finally
        {
            copy?.Dispose();
        }
    }

    /// <summary>The compression flag, and whether the message parses as the RPC's request type.</summary>
    private static Status? CheckMessage(HttpRequest request, MessageParser parser, ReadOnlySequence<byte> message, byte compressionFlag, int maxBytes)
    {
        switch (compressionFlag)
        {
            case 0:
                break;
            case 1 when IsGzip(request):
                if (Gunzip(message, maxBytes) is not { } inflated)
                {
                    return Invalid("The message is marked gzip-compressed but does not decompress, or decompresses to more than the service accepts.");
                }

                message = new ReadOnlySequence<byte>(inflated);
                break;
            case 1 when !request.Headers.ContainsKey("grpc-encoding") || request.Headers["grpc-encoding"] == "identity":
                return Invalid("The message is marked compressed but the call names no grpc-encoding.");
            case 1:
                // Another encoding: grpc-dotnet answers UNIMPLEMENTED for those it does not support.
                return null;
            default:
                return Invalid($"The message's first byte (the compression flag) is {compressionFlag}; it must be 0 or 1.");
        }

        try
        {
            parser.ParseFrom(message);
        }
        catch (InvalidProtocolBufferException invalid)
        {
            return Invalid($"The request is not a valid {parser.GetType().GetGenericArguments().FirstOrDefault()?.Name ?? "message"}: {FirstSentence(invalid.Message)}");
        }

        return null;
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

    private static ReadOnlyMemory<byte>? Gunzip(ReadOnlySequence<byte> compressed, int maxBytes)
    {
        try
        {
            // In memory: nothing here waits, so the stream is read synchronously.
            using var gzip = new GZipStream(new MemoryStream(compressed.ToArray()), CompressionMode.Decompress);
            var buffer = new byte[maxBytes + 1L > Array.MaxLength ? Array.MaxLength : maxBytes + 1];
            var read = gzip.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
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
    private static async Task DrainAsync(PipeReader body, int maxBytes, CancellationToken cancel)
    {
        long drained = 0;
        while (drained <= maxBytes)
        {
            var read = await body.ReadAsync(cancel);
            drained += read.Buffer.Length;
            body.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                return;
            }
        }
    }

    private static MessageParser? ParserOf(IMethod method) => Parsers.GetOrAdd(method.GetType(), type =>
        type.IsGenericType && type.GetGenericArguments() is [var request, _]
            ? request.GetProperty("Parser", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as MessageParser
            : null);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Refused a malformed request to {Method}: {Code} {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, StatusCode code, string reason);
}
