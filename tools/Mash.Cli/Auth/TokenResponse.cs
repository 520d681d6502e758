namespace Mash.Cli;

/// <summary>A successful OAuth 2.0 token response (RFC 6749 section 5.1).</summary>
public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresInSeconds);
