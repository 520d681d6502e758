using System.Net;
using System.Text.Json;
using Mash.Platform.Tls;

namespace Mash.Cli;

/// <summary>
/// Fetches access tokens with the OAuth 2.0 client-credentials grant (RFC 6749 section 4.4),
/// sending the client id and secret as form fields as the gateway's <c>/connect/token</c> expects.
/// </summary>
public sealed class TokenClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <summary>Uses a caller's HttpClient (e.g. a test server's), which the caller keeps owning.</summary>
    public TokenClient(HttpClient http, Uri endpoint)
        : this(http, endpoint, ownsHttp: false)
    {
    }

    private TokenClient(HttpClient http, Uri endpoint, bool ownsHttp)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        _http = http;
        _ownsHttp = ownsHttp;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <summary>
    /// A client with its own HttpClient. A cleartext endpoint on the gRPC address speaks only
    /// HTTP/2 (there is no TLS to negotiate it and no HTTP/1.1 to upgrade from), so it is called
    /// with HTTP/2 prior knowledge; an https endpoint offers HTTP/2 and HTTP/1.1 in the TLS
    /// handshake (ALPN), so the gRPC port and the HTTP/1.1 port both answer; any other endpoint
    /// with HttpClient's defaults. <paramref name="trustedCertificate"/> is trusted besides the
    /// machine's roots (a development node's loopback certificate).
    /// </summary>
    public static TokenClient Create(Uri endpoint, Uri? grpcAddress = null, TimeSpan? timeout = null, string? trustedCertificate = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var http = new HttpClient(ExtraRootTrust.Handler(trustedCertificate)) { Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        if (UsesHttp2PriorKnowledge(endpoint, grpcAddress))
        {
            http.DefaultRequestVersion = HttpVersion.Version20;
            http.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        }
        else if (endpoint.Scheme == Uri.UriSchemeHttps)
        {
            http.DefaultRequestVersion = HttpVersion.Version20;
            http.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
        }

        return new TokenClient(http, endpoint, ownsHttp: true);
    }

    /// <summary>
    /// True for an http:// endpoint on the gRPC address's port and host (localhost, 127.0.0.1
    /// and ::1 counting as one host, as they reach the same listener in development).
    /// </summary>
    public static bool UsesHttp2PriorKnowledge(Uri endpoint, Uri? grpcAddress) =>
        endpoint is not null && grpcAddress is not null
        && endpoint.Scheme == Uri.UriSchemeHttp && grpcAddress.Scheme == Uri.UriSchemeHttp
        && endpoint.Port == grpcAddress.Port
        && (string.Equals(endpoint.IdnHost, grpcAddress.IdnHost, StringComparison.OrdinalIgnoreCase) || (endpoint.IsLoopback && grpcAddress.IsLoopback));

    /// <summary>Requests a token; <paramref name="scope"/> null asks for everything the client may have.</summary>
    /// <exception cref="TokenRequestException">The endpoint answered without a token.</exception>
    /// <exception cref="HttpRequestException">The endpoint could not be reached.</exception>
    /// <exception cref="TaskCanceledException">The request timed out or was cancelled.</exception>
    public async Task<TokenResponse> RequestTokenAsync(string clientId, string clientSecret, string? scope = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "client_credentials"),
            new("client_id", clientId),
            new("client_secret", clientSecret),
        };
        if (!string.IsNullOrWhiteSpace(scope))
        {
            fields.Add(new("scope", scope));
        }

        using var content = new FormUrlEncodedContent(fields);
        // PostAsync (not SendAsync) so the HttpClient's default version and policy apply.
        using var response = await _http.PostAsync(Endpoint, content, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var json = TryParse(body);
        using (json)
        {
            var root = json?.RootElement;
            if (response.IsSuccessStatusCode && root is { ValueKind: JsonValueKind.Object } token
                && String(token, "access_token") is { Length: > 0 } accessToken)
            {
                var expiresIn = token.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var seconds) ? seconds : 0;
                return new TokenResponse(accessToken, String(token, "token_type") ?? "Bearer", expiresIn);
            }

            throw Refusal(response, root);
        }
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private TokenRequestException Refusal(HttpResponseMessage response, JsonElement? root)
    {
        var status = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
        if (root is { ValueKind: JsonValueKind.Object } error && String(error, "error") is { Length: > 0 } code)
        {
            var description = String(error, "error_description");
            var text = description is null ? code : $"{code}: {description}";
            return new TokenRequestException($"the token endpoint refused the request: {text} ({status})", response.StatusCode, code, description);
        }

        return new TokenRequestException(
            $"{Endpoint} answered {status} without a token or an OAuth error; is it the token endpoint?", response.StatusCode, null, null);
    }

    private static JsonDocument? TryParse(string body)
    {
        try
        {
            return body.Length == 0 ? null : JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
