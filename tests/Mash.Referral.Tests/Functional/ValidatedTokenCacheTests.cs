using Grpc.Core;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Auth;
using Mash.Referral.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Mash.Referral.Tests.Functional;

/// <summary>A partner reusing its token is validated once; nothing but that exact token, while it lasts, skips validation.</summary>
public sealed class ValidatedTokenCacheTests : IDisposable
{
    private readonly ReferralApp _app = new();

    private ValidatedTokenCache Cache => _app.Services.GetRequiredService<ValidatedTokenCache>();

    [Fact]
    public async Task A_token_used_again_is_validated_once_and_again_after_the_cache_time()
    {
        var headers = _app.As("police-mash");
        var client = _app.Client();

        await client.ListReferralsAsync(new ListReferralsRequest(), headers);
        await client.ListReferralsAsync(new ListReferralsRequest(), headers);
        Assert.Equal(1, Cache.Validations);

        _app.Clock.Advance(ValidatedTokenCache.MaxAge + TimeSpan.FromSeconds(1));
        await client.ListReferralsAsync(new ListReferralsRequest(), headers);
        Assert.Equal(2, Cache.Validations);
    }

    [Fact]
    public async Task A_tampered_copy_of_a_remembered_token_is_refused()
    {
        var headers = _app.As("police-mash");
        var client = _app.Client();
        await client.ListReferralsAsync(new ListReferralsRequest(), headers);

        var token = headers.GetValue("authorization")!["Bearer ".Length..];
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        var forged = new Metadata
        {
            { "authorization", "Bearer " + tampered },
            { "x-mash-purpose", "MASH screening" },
            { "x-mash-lawful-basis", "LAWFUL_BASIS_PUBLIC_TASK" },
        };

        var refused = await Assert.ThrowsAsync<RpcException>(() => client.ListReferralsAsync(new ListReferralsRequest(), forged).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Fact]
    public async Task The_roles_of_a_remembered_token_still_decide_what_it_may_call()
    {
        var readOnly = _app.As("health-mash", "health", MashRoles.ReferralRead);
        var client = _app.Client();
        await client.ListReferralsAsync(new ListReferralsRequest(), readOnly);

        var refused = await Assert.ThrowsAsync<RpcException>(() => client.SubmitReferralAsync(Samples.Submit("cached-token"), readOnly).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal(1, Cache.Validations);
    }

    public void Dispose() => _app.Dispose();
}
