using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Mash.Platform.Auth;

/// <summary>
/// Fail closed: every endpoint needs an authenticated caller whose agency is known, unless it
/// opts out; each role is also a policy of the same name, so routes and RPCs name the role.
/// </summary>
public static class MashAuthorization
{
    public static IServiceCollection AddMashAuthorization(this IServiceCollection services, IEnumerable<string> roles)
    {
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, MashAuthorizationResultHandler>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(KnownCaller().Build())
            .SetDefaultPolicy(KnownCaller().Build());
        services.Configure<AuthorizationOptions>(options =>
        {
            foreach (var role in roles)
            {
                options.AddPolicy(role, KnownCaller().RequireRole(role).Build());
            }

            foreach (var (policy, anyOfRoles) in MashRoles.AnyOf)
            {
                options.AddPolicy(policy, KnownCaller().RequireRole(anyOfRoles).Build());
            }
        });
        return services;
    }

    private static AuthorizationPolicyBuilder KnownCaller() => new AuthorizationPolicyBuilder(MashAuthentication.PolicyScheme)
        .RequireAuthenticatedUser()
        .RequireClaim(MashClaims.Agency, AgencyNames.All);
}
