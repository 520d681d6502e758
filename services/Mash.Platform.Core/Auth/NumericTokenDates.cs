using System.IdentityModel.Tokens.Jwt;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RegisteredClaims = Microsoft.IdentityModel.JsonWebTokens.JwtRegisteredClaimNames;

namespace Mash.Platform.Auth;

/// <summary>
/// RFC 7519 writes exp, nbf and iat as JSON numbers. Microsoft.IdentityModel also reads a string
/// of digits, so a token from an issuer that does not follow the standard (or a forger testing
/// lenient parsers) would be honoured; this refuses it after the signature and lifetime checks.
/// </summary>
internal static class NumericTokenDates
{
    private static readonly string[] Dates = [RegisteredClaims.Exp, RegisteredClaims.Nbf, RegisteredClaims.Iat];

    /// <summary>Runs after the scheme's own token-validated events, so it sees every token they accept.</summary>
    public static void Attach(JwtBearerOptions jwt)
    {
        var events = jwt.Events ?? new JwtBearerEvents();
        var validated = events.OnTokenValidated;
        events.OnTokenValidated = async context =>
        {
            await validated(context);
            if (context.Result is null && FirstTextDate(context.SecurityToken) is { } date)
            {
                context.Fail(new NonNumericTokenDateException(date));
            }
        };
        jwt.Events = events;
    }

    /// <summary>The first date claim in the token's raw payload that is not a JSON number, or null.</summary>
    internal static string? FirstTextDate(SecurityToken token)
    {
        var encodedPayload = token switch
        {
            JsonWebToken jwt => (jwt.InnerToken ?? jwt).EncodedPayload,
            JwtSecurityToken legacy => legacy.RawPayload,
            // The schemes' handlers make only the two kinds above.
            _ => null,
        };
        if (encodedPayload is null)
        {
            return null;
        }

        using var payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(encodedPayload));
        // Every property, not a lookup: a repeated name is read last-wins by some parsers.
        foreach (var claim in payload.RootElement.EnumerateObject())
        {
            if (claim.Value.ValueKind != JsonValueKind.Number && Dates.Contains(claim.Name, StringComparer.Ordinal))
            {
                return claim.Name;
            }
        }

        return null;
    }
}

/// <summary>A token whose exp, nbf or iat is not a JSON number.</summary>
public sealed class NonNumericTokenDateException(string claim)
    : SecurityTokenMalformedException($"The token's {claim} is not a number (RFC 7519 NumericDate).")
{
    public string Claim { get; } = claim;
}
