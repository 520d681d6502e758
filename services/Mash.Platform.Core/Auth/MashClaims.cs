namespace Mash.Platform.Auth;

/// <summary>Claim types in Mash tokens; Entra ID names for the standard ones.</summary>
public static class MashClaims
{
    public const string Agency = "mash_agency";
    public const string Roles = "roles";
    public const string AuthorizedParty = "azp";
    public const string AppId = "appid";
    public const string Subject = "sub";
    /// <summary>A school's unique reference number, for a school's client: it sees only its own children's notifications.</summary>
    public const string SchoolUrn = "mash_school_urn";
}

/// <summary>The agencies of a MASH partnership, as named in tokens and configuration.</summary>
public static class AgencyNames
{
    public const string Police = "police";
    public const string ChildrenSocialCare = "children-social-care";
    public const string Health = "health";
    public const string Education = "education";
    public const string Probation = "probation";
    public const string Other = "other";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Police, ChildrenSocialCare, Health, Education, Probation, Other,
    };

    /// <summary>The agency's name for a contract value; "other" for one not known.</summary>
    public static string FromContract(Contracts.Common.V1.Agency agency) =>
        All.FirstOrDefault(name => ToContract(name) == agency) ?? Other;

    public static Contracts.Common.V1.Agency ToContract(string? name) => name switch
    {
        Police => Contracts.Common.V1.Agency.Police,
        ChildrenSocialCare => Contracts.Common.V1.Agency.ChildrenSocialCare,
        Health => Contracts.Common.V1.Agency.Health,
        Education => Contracts.Common.V1.Agency.Education,
        Probation => Contracts.Common.V1.Agency.Probation,
        Other => Contracts.Common.V1.Agency.Other,
        _ => Contracts.Common.V1.Agency.Unspecified,
    };
}
