using Grpc.Core;
using Mash.Abuse.Tests.Access;
using Mash.Abuse.Tests.Infrastructure;
using Mash.Node.Hosting;
using Mash.Testing.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Mash.Abuse.Tests.Tokens;

/// <summary>
/// The JWT matrix: each kind of bad token against the gateway and against every service
/// directly (each validates tokens itself); all are UNAUTHENTICATED, and a good token is not.
/// </summary>
[Collection(AbuseCollection.Name)]
public sealed class TokenMatrixTests(AbuseNode node)
{
    private static readonly string[] TargetNames = ["gateway", .. ServiceSpec.All.Select(s => s.Name)];

    public static readonly TheoryData<string> Targets = new(TargetNames);

    private static readonly string[] BadTokens =
    [
        "alg-none", "hs256-with-public-key", "rs384-not-accepted", "wrong-audience", "audience-trailing-slash", "wrong-issuer",
        "expired", "not-yet-valid", "exp-as-string", "nbf-as-string", "unknown-key-id", "tampered-payload",
        "tampered-signature", "not-a-jwt", "none",
    ];

    private string AllRoles() => node.Tokens.WithRoles(RoleTable.Roles);

    private string? Forge(string kind) => kind switch
    {
        "alg-none" => ForgedTokens.AlgNone(AllRoles()),
        "hs256-with-public-key" => node.Tokens.HmacWithPublicKey(),
        "rs384-not-accepted" => Rs384(),
        "wrong-audience" => node.Tokens.WrongAudience(),
        "audience-trailing-slash" => node.Tokens.AudienceWithTrailingSlash(RoleTable.Roles),
        "wrong-issuer" => node.Tokens.WrongIssuer(),
        "expired" => node.Tokens.Expired(),
        "not-yet-valid" => node.Tokens.NotYetValid(),
        "exp-as-string" => node.Tokens.DateAsString("exp", RoleTable.Roles),
        "nbf-as-string" => node.Tokens.DateAsString("nbf", RoleTable.Roles),
        "unknown-key-id" => node.Tokens.UnknownKey(),
        "tampered-payload" => ForgedTokens.Tampered(AllRoles()),
        "tampered-signature" => AllRoles()[..^4] + "AAAA",
        "not-a-jwt" => "not.a.token",
        "none" => null,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The real key, but RS384: only RS256 is accepted (no algorithm the token picks itself).</summary>
    private string Rs384()
    {
        var key = new JsonWebKey(File.ReadAllText(Path.Combine(node.Options.NodeDataDirectory, "gateway", "local-issuer-signing-key.json")));
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return node.Tokens.SignedWith(key, SecurityAlgorithms.RsaSha384, roles: RoleTable.Roles);
    }

    public static IEnumerable<object[]> Matrix() =>
        from target in TargetNames from kind in BadTokens select new object[] { target, kind };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_bad_token_is_unauthenticated(string target, string kind)
    {
        var (address, method) = Target(target);

        var answer = await node.Raw.CallAsync(address, method, RawGrpc.Frame([]), Forge(kind));

        Assert.True(answer.Status == StatusCode.Unauthenticated, $"{kind} at {target}: {answer}");
        Assert.StartsWith("A valid bearer token is required", answer.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task A_good_token_is_accepted_where_the_bad_ones_are_not(string target)
    {
        var (address, method) = Target(target);

        var answer = await node.Raw.CallAsync(address, method, RawGrpc.Frame([]), AllRoles());

        Assert.True(answer.Status == StatusCode.OK, $"{target}: {answer}");
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task A_refusal_reads_the_same_in_the_raw_header_as_in_a_client(string target)
    {
        var (address, method) = Target(target);

        var answer = await node.Raw.CallAsync(address, method, RawGrpc.Frame([]), token: null);

        Assert.Equal("A valid bearer token is required: none was sent.", answer.RawMessage);
    }

    [Fact]
    public void Forged_tokens_are_signed_by_the_real_key_where_only_one_thing_is_wrong()
    {
        // Guards the matrix: an expired token that failed for another reason would prove little.
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler();
        var expired = handler.ReadJsonWebToken(node.Tokens.Expired());
        var good = handler.ReadJsonWebToken(AllRoles());

        Assert.Equal(good.Kid, expired.Kid);
        Assert.Equal(good.Issuer, expired.Issuer);
        Assert.Equal("RS256", expired.Alg);
        Assert.True(expired.ValidTo < DateTime.UtcNow);

        var textDate = handler.ReadJsonWebToken(node.Tokens.DateAsString("exp", RoleTable.Roles));
        Assert.Equal(good.Kid, textDate.Kid);
        Assert.Contains("\"exp\":\"", Base64UrlEncoder.Decode(textDate.EncodedPayload), StringComparison.Ordinal);
        Assert.True(textDate.ValidTo > DateTime.UtcNow);
    }

    private (string Address, string Method) Target(string target) => target switch
    {
        "gateway" => (node.GatewayAddress, "/mash.referral.v1.ReferralService/ListReferrals"),
        "referral" => (node.AddressOf(ServiceSpec.Referral), "/mash.referral.v1.ReferralService/ListReferrals"),
        "assessment" => (node.AddressOf(ServiceSpec.Assessment), "/mash.assessment.v1.AssessmentService/ListAssessments"),
        "strategy" => (node.AddressOf(ServiceSpec.Strategy), "/mash.strategy.v1.StrategyDiscussionService/ListDiscussions"),
        "offender" => (node.AddressOf(ServiceSpec.Offender), "/mash.offender.v1.OffenderService/ListNotificationBreaches"),
        "custody" => (node.AddressOf(ServiceSpec.Custody), "/mash.custody.v1.CustodyService/ListDetentions"),
        "investigation" => (node.AddressOf(ServiceSpec.Investigation), "/mash.investigation.v1.InvestigationService/ListInvestigations"),
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };
}
