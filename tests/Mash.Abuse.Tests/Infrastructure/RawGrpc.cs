using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;

namespace Mash.Abuse.Tests.Infrastructure;

/// <summary>
/// What came back from a raw gRPC call: the HTTP status, grpc-status and grpc-message (decoded, and
/// as sent, which is what tools that show headers raw display).
/// </summary>
public sealed record RawAnswer(HttpStatusCode Http, StatusCode? Status, string Message, string ContentType, string TextBody = "", string RawMessage = "")
{
    public override string ToString() => $"HTTP {(int)Http}, grpc-status {Status?.ToString() ?? "(none)"}: '{Message}'";
}

/// <summary>
/// gRPC calls written by hand over HTTP/2 (prior knowledge, cleartext), so a test can send
/// bytes no generated client would: invalid protobuf, broken frames, wrong content types.
/// </summary>
public sealed class RawGrpc : IDisposable
{
    private readonly HttpClient _http;

    /// <param name="headerEncoding">How header values are sent; UTF-8 sends what a careless client would (HttpClient refuses non-ASCII by default).</param>
    public RawGrpc(System.Text.Encoding? headerEncoding = null)
    {
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        if (headerEncoding is not null)
        {
            handler.RequestHeaderEncodingSelector = (_, _) => headerEncoding;
        }

        _http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(20) };
    }

    /// <summary>One length-prefixed message frame: flag byte, 4-byte big-endian length, the bytes.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> message, byte flag = 0, int? declaredLength = null)
    {
        var frame = new byte[5 + message.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1), declaredLength ?? message.Length);
        message.CopyTo(frame.AsSpan(5));
        return frame;
    }

    public Task<RawAnswer> CallAsync(string address, string method, byte[] body, string? token,
        string contentType = "application/grpc", IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        SendAsync(address, method, new ByteArrayContent(body), token, contentType, headers);

    public async Task<RawAnswer> SendAsync(string address, string method, HttpContent content, string? token,
        string contentType = "application/grpc", IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address + method))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.TryAddWithoutValidation("x-mash-purpose", "MASH screening");
        request.Headers.TryAddWithoutValidation("x-mash-lawful-basis", "LAWFUL_BASIS_PUBLIC_TASK");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        // Trailers-only answers carry the status in the headers; others in the trailers.
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var status = Header(response, "grpc-status");
        var message = Header(response, "grpc-message");
        return new RawAnswer(
            response.StatusCode,
            int.TryParse(status, out var code) ? (StatusCode)code : null,
            message is null ? "" : Uri.UnescapeDataString(message),
            response.Content.Headers.ContentType?.MediaType ?? "",
            response.Content.Headers.ContentType?.MediaType == "application/json" ? System.Text.Encoding.UTF8.GetString(bytes) : "",
            message ?? "");
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.TrailingHeaders.TryGetValues(name, out values)
            ? values.FirstOrDefault()
            : null;

    public void Dispose() => _http.Dispose();
}
