using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Mash.Contracts.Referral.V1;
using Mash.Referral.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Mash.Referral.Tests.Functional;

/// <summary>
/// An exception thrown before the gRPC endpoint (here inside authentication) reaches no caller as a stack trace, though
/// the service runs in Development, as the embedded default runs it, where ASP.NET Core would show its exception page.
/// </summary>
public sealed class UnhandledErrorTests : IDisposable
{
    private const string Secret = "connection string Password=hunter2";
    private readonly ReferralApp _app = new();
    private readonly WebApplicationFactory<Program> _failing;

    public UnhandledErrorTests() =>
        _failing = _app.WithWebHostBuilder(web => web.ConfigureTestServices(services => services.AddSingleton<IClaimsTransformation, FailingTransformation>()));

    [Fact]
    public async Task A_grpc_caller_gets_INTERNAL_with_a_trace_id_and_no_detail_of_the_exception()
    {
        using var channel = GrpcChannel.ForAddress(_failing.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = _failing.Server.CreateHandler() });
        var client = new ReferralService.ReferralServiceClient(channel);

        var refused = await Assert.ThrowsAsync<RpcException>(() => client.GetReferralAsync(new GetReferralRequest { ReferralId = "ref_1" }, _app.As()).ResponseAsync);

        Assert.Equal(StatusCode.Internal, refused.StatusCode);
        Assert.Matches("^The server failed to handle the call \\(trace [0-9a-f-]+\\)\\.$", refused.Status.Detail);
        Assert.DoesNotContain("hunter2", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rest_caller_gets_a_500_json_status_and_no_exception_page()
    {
        using var http = _failing.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/referrals/ref_1");
        foreach (var header in _app.As())
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        // As a browser asks: the developer exception page answers HTML to this.
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var response = await http.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(13, JsonDocument.Parse(body).RootElement.GetProperty("code").GetInt32());
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(FailingTransformation), body, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _failing.Dispose();
        _app.Dispose();
    }

    private sealed class FailingTransformation : IClaimsTransformation
    {
        public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal) => throw new InvalidOperationException(Secret);
    }
}
