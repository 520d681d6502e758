using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace Mash.Gateway.Auth;

/// <summary>A parsed client-credentials token request (RFC 6749 sections 2.3.1 and 4.4).</summary>
internal sealed record TokenRequest(string GrantType, string ClientId, string ClientSecret, string? Scope, bool UsedBasic)
{
    /// <summary>The request, or the RFC 6749 error code that refuses it.</summary>
    public static async Task<(TokenRequest? Request, string? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType)
        {
            return (null, "invalid_request");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException)
        {
            return (null, "invalid_request");
        }

        // Parameters must not be repeated (RFC 6749 section 3.2).
        if (form.Any(field => field.Value.Count > 1))
        {
            return (null, "invalid_request");
        }

        var grantType = Single(form["grant_type"]);
        var basic = ReadBasic(request.Headers.Authorization);
        var formId = Single(form["client_id"]);
        var formSecret = Single(form["client_secret"]);
        if (grantType is null || basic.Malformed || (basic.Id is not null && formSecret is not null))
        {
            // A client must use only one authentication method.
            return (null, "invalid_request");
        }

        var clientId = basic.Id ?? formId;
        var secret = basic.Secret ?? formSecret;
        if (clientId is null || secret is null || (basic.Id is not null && formId is not null && formId != basic.Id))
        {
            return (null, "invalid_client");
        }

        return (new TokenRequest(grantType, clientId, secret, Single(form["scope"]), basic.Id is not null), null);
    }

    private static string? Single(StringValues value) => StringValues.IsNullOrEmpty(value) ? null : value.ToString();

    private static (string? Id, string? Secret, bool Malformed) ReadBasic(StringValues header)
    {
        if (StringValues.IsNullOrEmpty(header) || !AuthenticationHeaderValue.TryParse(header, out var parsed)
            || !parsed.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null, false);
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parsed.Parameter ?? ""));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            // Both halves are form-url-encoded inside the Basic credentials (RFC 6749 section 2.3.1).
            return colon < 0
                ? (null, null, true)
                : (Uri.UnescapeDataString(decoded[..colon].Replace('+', ' ')), Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' ')), false);
        }
        catch (FormatException)
        {
            return (null, null, true);
        }
    }
}
