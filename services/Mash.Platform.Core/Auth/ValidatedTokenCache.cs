using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Mash.Platform.Auth;

/// <summary>
/// Remembers for a few minutes what a bearer token was validated to, so a partner system that
/// reuses its token (client-credentials tokens live up to an hour) is not validated again on
/// every call: parsing, the RS256 signature check and building the claims cost more CPU than the
/// rest of a gateway hop. A token is matched only by its exact text and scheme; an entry never
/// outlives the token's own expiry, nor <see cref="MaxAge"/>, so a signing key the issuer
/// withdraws stops being honoured within that time. A token that failed validation is never kept.
/// </summary>
public sealed class ValidatedTokenCache(TimeProvider time) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>Partners run a handful of client apps each: a bound, not a working set.</summary>
    private const int MaxEntries = 1024;

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    /// <summary>Validations performed (cache misses that succeeded), for tests and diagnostics.</summary>
    public long Validations => Interlocked.Read(ref _validations);

    private long _validations;

    public void Dispose() => _entries.Dispose();

    /// <summary>Serves a remembered principal before the handler validates, and remembers new ones after.</summary>
    internal void Attach(JwtBearerOptions jwt, string scheme)
    {
        var events = jwt.Events ?? new JwtBearerEvents();
        var received = events.OnMessageReceived;
        var validated = events.OnTokenValidated;
        events.OnMessageReceived = async context =>
        {
            await received(context);
            if (context.Result is null && context.Token is null && Find(scheme, MashAuthentication.BearerToken(context.Request.Headers.Authorization)) is { } principal)
            {
                context.Principal = principal;
                context.Success();
            }
        };
        events.OnTokenValidated = async context =>
        {
            await validated(context);
            if (context.Result is null && context.Principal is not null && context.SecurityToken is JsonWebToken token)
            {
                Interlocked.Increment(ref _validations);
                Remember(scheme, token.EncodedToken, token.ValidTo, context.Principal);
            }
        };
        jwt.Events = events;
    }

    private ClaimsPrincipal? Find(string scheme, string? token)
    {
        if (token is null || !_entries.TryGetValue((scheme, token), out Entry? entry) || entry is null)
        {
            return null;
        }

        // Checked here too: the cache's own clock only decides when memory is freed.
        // A copy: claims transformation adds to the principal it is given.
        return time.GetUtcNow() < entry.Expires ? entry.Principal.Clone() : null;
    }

    private void Remember(string scheme, string token, DateTime validTo, ClaimsPrincipal principal)
    {
        var now = time.GetUtcNow();
        var expires = new DateTimeOffset(DateTime.SpecifyKind(validTo, DateTimeKind.Utc));
        if (now + MaxAge < expires)
        {
            expires = now + MaxAge;
        }

        if (expires <= now)
        {
            return;
        }

        _entries.Set((scheme, token), new Entry(principal.Clone(), expires),
            new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = expires - now });
    }

    private sealed record Entry(ClaimsPrincipal Principal, DateTimeOffset Expires);
}
