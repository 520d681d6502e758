using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;
using Mash.Gateway.Tests.Infrastructure;

namespace Mash.Gateway.Tests;

/// <summary>Request size and per-agency rate limits, as a gRPC caller sees them.</summary>
public sealed class LimitTests : IAsyncLifetime
{
    private readonly string _data = TempDirectory.Create();
    private FakeReferralBackend _backend = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _backend = await FakeReferralBackend.StartAsync();
        _gateway = GatewayHost.Start(_data, _backend.Address, new Dictionary<string, string?>
        {
            ["Mash:Gateway:RateLimit:PermitsPerSecond"] = "1",
            ["Mash:Gateway:RateLimit:Burst"] = "1",
        });
    }

    [Fact]
    public async Task An_agency_over_its_rate_limit_is_resource_exhausted_while_others_carry_on()
    {
        var police = Requests.Bearer(await _gateway.TokenAsync("police-mash"));
        var health = Requests.Bearer(await _gateway.TokenAsync("health-mash"));

        await _gateway.Referrals.SubmitReferralAsync(Requests.Referral("first"), police);
        var error = await Requests.RefusedAsync(_gateway.Referrals.SubmitReferralAsync(Requests.Referral("second"), police));
        var other = await _gateway.Referrals.SubmitReferralAsync(Requests.Referral("health"), health);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("'police'", error.Status.Detail);
        Assert.Contains("1 calls per second", error.Status.Detail);
        Assert.Equal("ref-health", other.Referral.ReferralId);
    }

    [Fact]
    public async Task A_request_over_the_size_limit_is_resource_exhausted()
    {
        var headers = Requests.Bearer(await _gateway.TokenAsync("social-care-mash"));

        var error = await Requests.RefusedAsync(
            _gateway.Referrals.SubmitReferralAsync(Requests.Referral("big", descriptionLength: 2 * 1024 * 1024), headers));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("1048576 bytes", error.Status.Detail);
    }

    [Fact]
    public async Task A_streamed_request_without_content_length_over_the_limit_is_resource_exhausted()
    {
        var token = await _gateway.TokenAsync("probation-mash");
        var message = Google.Protobuf.MessageExtensions.ToByteArray(Requests.Referral("streamed", descriptionLength: 2 * 1024 * 1024));
        var framed = new byte[5 + message.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(framed.AsSpan(1), message.Length);
        message.CopyTo(framed, 5);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_gateway.GrpcAddress, "/mash.referral.v1.ReferralService/SubmitReferral"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            // A stream of unknown length is sent without Content-Length.
            Content = new StreamContent(new UnseekableStream(framed)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var client = new HttpClient();

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await response.Content.ReadAsByteArrayAsync();

        Assert.Null(request.Content.Headers.ContentLength);
        var status = response.Headers.Concat(response.TrailingHeaders).Single(h => h.Key == "grpc-status").Value.Single();
        Assert.Equal(((int)StatusCode.ResourceExhausted).ToString(System.Globalization.CultureInfo.InvariantCulture), status);
    }

    [Fact]
    public async Task Over_rest_the_rate_limit_is_a_429_and_the_size_limit_a_413_each_with_a_json_reason()
    {
        var token = await _gateway.TokenAsync("education-mash");
        var small = Google.Protobuf.JsonFormatter.Default.Format(Requests.Referral("rest-first"));
        var large = Google.Protobuf.JsonFormatter.Default.Format(Requests.Referral("rest-large", descriptionLength: 2 * 1024 * 1024));

        using var tooLarge = await _gateway.Http.SendAsync(Requests.Rest(HttpMethod.Post, "/v1/referrals", token, large));
        using var first = await _gateway.Http.SendAsync(Requests.Rest(HttpMethod.Post, "/v1/referrals", token, small));
        using var second = await _gateway.Http.SendAsync(Requests.Rest(HttpMethod.Post, "/v1/referrals", token, small));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("1048576 bytes", (await Requests.JsonAsync(tooLarge)).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Contains("'education'", (await Requests.JsonAsync(second)).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.NotNull(second.Headers.RetryAfter);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _backend.DisposeAsync();
        TempDirectory.Delete(_data);
    }

    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
