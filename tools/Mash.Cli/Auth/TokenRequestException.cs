using System.Net;

namespace Mash.Cli;

/// <summary>
/// The token endpoint answered but gave no token: an OAuth 2.0 error (RFC 6749 section 5.2,
/// e.g. <c>invalid_client</c>) or a reply that is not a token response at all. An endpoint
/// that cannot be reached surfaces as <see cref="HttpRequestException"/> instead.
/// </summary>
public sealed class TokenRequestException : Exception
{
    public TokenRequestException()
    {
    }

    public TokenRequestException(string message)
        : base(message)
    {
    }

    public TokenRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TokenRequestException(string message, HttpStatusCode statusCode, string? error, string? errorDescription)
        : base(message)
    {
        StatusCode = statusCode;
        Error = error;
        ErrorDescription = errorDescription;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The OAuth error code, or null when the reply carried none.</summary>
    public string? Error { get; }

    public string? ErrorDescription { get; }
}
