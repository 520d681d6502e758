using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using Mash.Contracts.Referral.V1;
using Mash.Gateway.Tests.Infrastructure;
using Mash.Platform.Tls;

namespace Mash.Gateway.Tests;

/// <summary>
/// In Production partners reach the gateway only over TLS: it terminates TLS with a certificate
/// from PEM files (picked up again when renewed), or trusts a TLS-terminating proxy; with neither,
/// or with a certificate it cannot use, it does not start; a token sent in the clear is refused.
/// </summary>
public sealed class TlsTests
{
    private static Dictionary<string, string?> Production(Dictionary<string, string?> extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Mash:LocalIssuer:Enabled"] = "false",
            ["Mash:Auth:LocalIssuer:Enabled"] = "false",
            ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
            ["AzureAd:TenantId"] = "8f0e4b1c-0000-4000-8000-0000000000aa",
            ["AzureAd:ClientId"] = "8f0e4b1c-0000-4000-8000-0000000000bb",
            ["AzureAd:Audience"] = "api://mash",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    [Fact]
    public void Production_without_a_certificate_or_a_trusted_proxy_does_not_start_and_names_the_settings()
    {
        using var data = new TempDirectory();

        var error = Assert.ThrowsAny<Exception>(() => GatewayHost.Start(data.Path, "http://127.0.0.1:1", Production([]), "Production"));

        Assert.Contains("Mash:Gateway:Tls:CertificatePath", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Mash:Gateway:Tls:TrustedProxyNetworks", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("unreadable")]
    public void A_certificate_it_cannot_use_stops_it_naming_the_file(string kind)
    {
        using var data = new TempDirectory();
        var (certificate, key) = kind == "expired"
            ? LoopbackCertificate.Write(data.Path, "expired", DateTimeOffset.UtcNow.AddDays(-10), DateTimeOffset.UtcNow.AddDays(-1))
            : (Path.Combine(data.Path, "broken.crt"), Path.Combine(data.Path, "broken.key"));
        if (kind == "unreadable")
        {
            File.WriteAllText(certificate, "not a certificate");
            File.WriteAllText(key, "not a key");
        }

        var error = Assert.ThrowsAny<Exception>(() => Start(data.Path, certificate, key));

        Assert.Contains(certificate, error.ToString(), StringComparison.Ordinal);
        Assert.Contains(kind == "expired" ? "is not valid now" : "cannot be read", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_tls_grpc_and_rest_are_answered_and_a_renewed_certificate_is_picked_up_without_a_restart()
    {
        using var data = new TempDirectory();
        var (certificate, key) = LoopbackCertificate.Write(data.Path, "first", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        await using var gateway = Start(data.Path, certificate, key);
        var seen = new List<string>();
        using var handler = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => Pinned(presented, seen) },
        };

        // gRPC over HTTP/2 with ALPN: the call reaches the gateway's authentication (no token here).
        using var channel = GrpcChannel.ForAddress(Https(gateway.GrpcAddress), new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = false });
        var refused = await Assert.ThrowsAsync<RpcException>(() => new ReferralService.ReferralServiceClient(channel).GetReferralAsync(new GetReferralRequest { ReferralId = "abc" }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);

        // A handler of its own: grpc-dotnet takes over the one it is given.
        using var http = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => Pinned(presented, seen) },
        });
        using var rest = await http.GetAsync(new Uri(Https(gateway.HttpAddress), "/v1/referrals/abc"));
        Assert.Equal(HttpStatusCode.Unauthorized, rest.StatusCode);
        Assert.NotEmpty(seen);
        Assert.All(seen, subject => Assert.Equal("CN=first", subject));

        // Renewed in place (as a Kubernetes secret is): the next handshake presents the new one.
        LoopbackCertificate.Write(data.Path, "first", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(60), subject: "renewed");
        File.SetLastWriteTimeUtc(certificate, DateTime.UtcNow.AddMinutes(1));
        using var fresh = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => Pinned(presented, seen) },
        });
        using var again = await fresh.GetAsync(new Uri(Https(gateway.HttpAddress), "/v1/referrals/abc"));
        Assert.Equal("CN=renewed", seen[^1]);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_a_token_sent_in_the_clear_is_refused_and_one_sent_over_tls_is_checked()
    {
        using var data = new TempDirectory();
        await using var gateway = GatewayHost.Start(data.Path, "http://127.0.0.1:1",
            Production(new() { ["Mash:Gateway:Tls:TrustedProxyNetworks:0"] = "127.0.0.0/8" }), "Production");

        using var clear = new HttpRequestMessage(HttpMethod.Get, "/v1/referrals/abc");
        clear.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "a.b.c");
        using var refused = await gateway.Http.SendAsync(clear);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("only over TLS", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var viaProxy = new HttpRequestMessage(HttpMethod.Get, "/v1/referrals/abc");
        viaProxy.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "a.b.c");
        viaProxy.Headers.Add("X-Forwarded-Proto", "https");
        using var checkedToken = await gateway.Http.SendAsync(viaProxy);
        Assert.Equal(HttpStatusCode.Unauthorized, checkedToken.StatusCode);
        Assert.DoesNotContain("only over TLS", await checkedToken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static GatewayHost Start(string data, string certificate, string key) =>
        GatewayHost.Start(data, "http://127.0.0.1:1", Production(new()
        {
            ["Mash:Gateway:Tls:CertificatePath"] = certificate,
            ["Mash:Gateway:Tls:KeyPath"] = key,
            ["Mash:Gateway:Tls:CertificateCheckInterval"] = "00:00:00",
        }), "Production", https: true);

    /// <summary>Trusts only the test's own self-signed certificates (by subject), remembering each one presented.</summary>
    private static bool Pinned(X509Certificate? presented, List<string> seen)
    {
        seen.Add(presented?.Subject ?? "");
        return presented?.Subject is "CN=first" or "CN=renewed" && presented.Subject == presented.Issuer;
    }

    private static Uri Https(Uri address) => new UriBuilder(address) { Scheme = "https" }.Uri;
}
