using System.Net;
using System.Text;
using Google.Protobuf;
using Mash.Contracts.Referral.V1;
using Mash.Gateway.Tests.Infrastructure;
using static Mash.Gateway.Tests.Infrastructure.Requests;

namespace Mash.Gateway.Tests;

/// <summary>A header the gateway cannot forward is the caller's mistake, answered as one: never an outage to retry.</summary>
public sealed class UnforwardableHeaderTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static readonly HttpClient Utf8Client = new(new SocketsHttpHandler
    {
        // Sends header values as UTF-8, as a careless client does.
        RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
    });

    [Theory]
    [InlineData("x-mash-purpose", "café")]
    [InlineData("x-partner-note", "naïve 🙂")]
    public async Task A_grpc_call_with_a_non_ascii_header_is_invalid_argument_naming_it(string header, string value)
    {
        var token = await fixture.Gateway.TokenAsync("police-mash");
        var body = new byte[] { 0, 0, 0, 0, 0 }.Concat(new GetReferralRequest { ReferralId = "abc" }.ToByteArray()).ToArray();
        body[4] = (byte)(body.Length - 5);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Gateway.GrpcAddress, "/mash.referral.v1.ReferralService/GetReferral"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await Utf8Client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3", Single(response, "grpc-status"));
        Assert.Contains($"'{header}'", Uri.UnescapeDataString(Single(response, "grpc-message")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rest_call_with_a_non_ascii_header_is_a_400_naming_it()
    {
        var token = await fixture.Gateway.TokenAsync("police-mash");
        using var request = Rest(HttpMethod.Get, "/v1/referrals/abc", token);
        request.RequestUri = new Uri(fixture.Gateway.HttpAddress, request.RequestUri!);
        request.Headers.TryAddWithoutValidation("x-mash-purpose", "café");

        using var response = await Utf8Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var violation = (await JsonAsync(response)).GetProperty("details")[0].GetProperty("fieldViolations")[0];
        Assert.Equal("x-mash-purpose", violation.GetProperty("field").GetString());
    }

    private static string Single(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.TrailingHeaders.TryGetValues(name, out values)
            ? values.Single()
            : throw new Xunit.Sdk.XunitException($"no {name} in the answer");
}

public sealed class UnforwardableHeaderValueTests
{
    [Theory]
    [InlineData("Bearer eyJhbGciOi.x-y_z~", null)]
    [InlineData("tab\tseparated\t", null)]
    [InlineData("", null)]
    [InlineData("café", "x-mash-purpose")]
    [InlineData("line\nbreak", "x-mash-purpose")]
    [InlineData("delete\u007f", "x-mash-purpose")]
    [InlineData("\ttab then\u0001", "x-mash-purpose")]
    public void Only_printable_ascii_and_tabs_are_forwarded(string value, string? refused)
    {
        var headers = new Microsoft.AspNetCore.Http.HeaderDictionary
        {
            ["authorization"] = "Bearer token",
            ["x-mash-purpose"] = value,
        };

        Assert.Equal(refused, Mash.Gateway.Routes.UnforwardableHeaders.FirstUnforwardable(headers));
    }
}
