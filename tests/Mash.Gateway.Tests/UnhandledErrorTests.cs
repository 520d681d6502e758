using System.Net;
using System.Security.Claims;
using Grpc.Core;
using Mash.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace Mash.Gateway.Tests;

/// <summary>
/// An exception in the gateway's own pipeline (here inside authentication) reaches no caller as a stack trace, though
/// the gateway runs in Development, as the embedded default runs it, where ASP.NET Core would show its exception page.
/// </summary>
public sealed class UnhandledErrorTests : IAsyncLifetime
{
    private const string Secret = "signing key material 0xDEADBEEF";
    private readonly string _data = TempDirectory.Create();
    private FakeReferralBackend _backend = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _backend = await FakeReferralBackend.StartAsync();
        _gateway = GatewayHost.Start(_data, _backend.Address,
            testServices: services => services.AddSingleton<IClaimsTransformation, FailingTransformation>());
    }

    [Fact]
    public async Task A_grpc_caller_gets_INTERNAL_with_a_trace_id_and_nothing_reaches_the_service()
    {
        var headers = Requests.Bearer(await _gateway.TokenAsync("police-mash"));

        var refused = await Assert.ThrowsAsync<RpcException>(() => _gateway.Referrals.SubmitReferralAsync(Requests.Referral("failing"), headers).ResponseAsync);

        Assert.Equal(StatusCode.Internal, refused.StatusCode);
        Assert.Matches("^The server failed to handle the call \\(trace [0-9a-f-]+\\)\\.$", refused.Status.Detail);
        Assert.DoesNotContain("DEADBEEF", refused.ToString(), StringComparison.Ordinal);
        Assert.Empty(_backend.Received);
    }

    [Fact]
    public async Task A_rest_caller_gets_a_500_json_status_and_no_exception_page()
    {
        using var request = Requests.Rest(HttpMethod.Get, "/v1/referrals/ref_1", await _gateway.TokenAsync("police-mash"));
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await _gateway.Http.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(13, (await Requests.JsonAsync(response)).GetProperty("code").GetInt32());
        Assert.DoesNotContain("DEADBEEF", body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(FailingTransformation), body, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _backend.DisposeAsync();
        TempDirectory.Delete(_data);
    }

    private sealed class FailingTransformation : IClaimsTransformation
    {
        public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal) => throw new InvalidOperationException(Secret);
    }
}
