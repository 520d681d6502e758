using System.Net;
using System.Text.Json;
using Mash.Platform.Auth;
using Mash.Testing;

namespace Mash.Platform.Tests.Auth;

/// <summary>
/// Tokens the standard does not allow are refused by both schemes, even when correctly signed by
/// a trusted key: an audience that only nearly matches, and dates written as strings.
/// </summary>
public sealed class TokenStrictnessTests : IDisposable
{
    private readonly TestTokens _tokens = new();

    public static readonly TheoryData<TokenScheme> Schemes = new(TokenScheme.Local, TokenScheme.Entra);

    public static readonly TheoryData<TokenScheme, string> SchemesAndDates = new()
    {
        { TokenScheme.Local, "exp" },
        { TokenScheme.Local, "nbf" },
        { TokenScheme.Local, "iat" },
        { TokenScheme.Entra, "exp" },
        { TokenScheme.Entra, "nbf" },
        { TokenScheme.Entra, "iat" },
    };

    [Theory]
    [MemberData(nameof(Schemes))]
    public async Task A_well_formed_token_is_accepted(TokenScheme scheme)
    {
        await using var app = await TokenCheckingApp.StartAsync(_tokens, scheme);

        var minted = await app.CallAsync(_tokens.Mint("police-mash", AgencyNames.Police, ["Referral.Read"]));
        var handMade = await app.CallAsync(HandMade(dateAsText: null));

        Assert.Equal((HttpStatusCode.OK, "police-mash"), minted);
        Assert.Equal((HttpStatusCode.OK, "police-mash"), handMade);
    }

    [Theory]
    [MemberData(nameof(Schemes))]
    public async Task A_token_for_the_audience_with_a_trailing_slash_is_refused(TokenScheme scheme)
    {
        await using var app = await TokenCheckingApp.StartAsync(_tokens, scheme);

        var (status, body) = await app.CallAsync(_tokens.Mint("police-mash", AgencyNames.Police, ["Referral.Read"], audience: TestTokens.Audience + "/"));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("the token is for another audience", body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SchemesAndDates))]
    public async Task A_token_whose_date_is_a_string_is_refused_every_time_it_is_sent(TokenScheme scheme, string date)
    {
        await using var app = await TokenCheckingApp.StartAsync(_tokens, scheme);
        var token = HandMade(dateAsText: date);

        var first = await app.CallAsync(token);
        var again = await app.CallAsync(token);

        Assert.Equal(HttpStatusCode.Unauthorized, first.Status);
        Assert.Contains($"the token's {date} is not a number", first.Body, StringComparison.Ordinal);
        Assert.Equal(first, again);
        Assert.Equal(0, app.Validations);
    }

    /// <summary>A valid token built claim by claim, with one date written as a JSON string if named.</summary>
    private string HandMade(string? dateAsText)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = new Dictionary<string, object>
        {
            ["iss"] = TestTokens.Issuer,
            ["aud"] = TestTokens.Audience,
            ["iat"] = now - 60,
            ["nbf"] = now - 60,
            ["exp"] = now + 600,
            ["azp"] = "police-mash",
            ["sub"] = "police-mash",
            ["mash_agency"] = AgencyNames.Police,
            ["roles"] = new[] { "Referral.Read" },
        };
        if (dateAsText is not null)
        {
            payload[dateAsText] = payload[dateAsText].ToString()!;
        }

        return _tokens.SignPayload(JsonSerializer.Serialize(payload));
    }

    public void Dispose() => _tokens.Dispose();
}
