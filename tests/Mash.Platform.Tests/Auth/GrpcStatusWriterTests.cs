using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;
using Grpc.Net.Client;
using Mash.Platform.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Mash.Platform.Tests.Auth;

/// <summary>
/// A refusal written by the platform (not by grpc-dotnet) reads the same in a gRPC client and in
/// tools that show the grpc-message header raw: only what the protocol requires is encoded.
/// </summary>
public sealed class GrpcStatusWriterTests : IAsyncLifetime
{
    private const string Path = "/mash.test.Refusals/Refuse";
    private const string Refusal = "A valid bearer token is required: 100% sure, café\nsecond line";

    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);
    private WebApplication _app = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        _app = builder.Build();
        _app.MapPost(Path, context => GrpcStatusWriter.WriteAsync(context, StatusCode.PermissionDenied, Refusal));
        await _app.StartAsync();
        _address = new Uri(_app.Urls.Single());
    }

    [Fact]
    public async Task A_grpc_client_reads_the_message_exactly_as_written()
    {
        using var channel = GrpcChannel.ForAddress(_address);
        var method = new Method<byte[], byte[]>(MethodType.Unary, "mash.test.Refusals", "Refuse", Bytes, Bytes);

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(), []).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal(Refusal, refused.Status.Detail);
    }

    [Fact]
    public async Task The_raw_header_keeps_colons_and_spaces_and_encodes_only_percent_line_breaks_and_non_ascii()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_address, Path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(new byte[5]),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");

        using var response = await http.SendAsync(request);

        Assert.Equal("A valid bearer token is required: 100%25 sure, caf%C3%A9%0Asecond line", response.Headers.GetValues("grpc-message").Single());
    }

    [Fact]
    public void Printable_ascii_but_percent_is_written_as_it_is()
    {
        var printable = new string([.. Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c).Where(c => c != '%')]);

        Assert.Equal(printable, GrpcMessageEncoding.Encode(printable));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
