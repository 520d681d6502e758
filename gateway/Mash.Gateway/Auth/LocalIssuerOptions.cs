namespace Mash.Gateway.Auth;

/// <summary>
/// Configuration section <c>Mash:LocalIssuer</c>: the development token issuer the gateway
/// hosts outside Production. Its name and audience come from <c>Mash:Auth</c>, which the
/// services read too.
/// </summary>
public sealed record LocalIssuerOptions
{
    public const string Section = "Mash:LocalIssuer";

    public bool Enabled { get; init; } = true;

    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Token requests per second per remote address, to slow secret guessing.</summary>
    public int TokenRequestsPerSecond { get; init; } = 5;

    public int TokenRequestBurst { get; init; } = 20;

    public IReadOnlyList<DevClientOptions> Clients { get; init; } = [];
}

/// <summary>A development client application; without a Secret one is generated on first run.</summary>
public sealed record DevClientOptions
{
    public string ClientId { get; init; } = "";
    public string Agency { get; init; } = "";
    public IReadOnlyList<string> Roles { get; init; } = [];
    public string? Secret { get; init; }
    /// <summary>A school's client: its unique reference number, put in its tokens (mash_school_urn).</summary>
    public string? SchoolUrn { get; init; }
}

/// <summary>A development client with its secret, as the token endpoint authenticates it.</summary>
public sealed record DevClient(string ClientId, string Agency, IReadOnlyList<string> Roles, string Secret, string? SchoolUrn = null);
