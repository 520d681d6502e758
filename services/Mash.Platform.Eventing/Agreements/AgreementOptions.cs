namespace Mash.Platform.Eventing.Agreements;

/// <summary>
/// The node's information-sharing agreements (<c>Mash:Agreements</c>), given to every service of
/// the node in the same configuration: what each partner node may be sent, under which lawful
/// basis, from and to which day. An agreement is a signed document under change control, so the
/// registry is configuration, deployed like the node's other settings.
/// </summary>
public sealed class AgreementOptions
{
    public const string Section = "Mash:Agreements";

    public List<AgreementSettings> Registry { get; set; } = [];

    /// <summary>Agreements ending within this many days are listed as ending soon (default 30).</summary>
    public int ExpiryWarningDays { get; set; } = 30;
}

/// <summary>One agreement as configured, e.g. <c>Mash:Agreements:Registry:0:Id</c>.</summary>
public sealed class AgreementSettings
{
    /// <summary>The agreement's reference, e.g. "WM-ISA-2026-03" (at most 100 characters).</summary>
    public string Id { get; set; } = "";
    /// <summary>The partner node it allows sharing with, e.g. "west-mercia-social-care".</summary>
    public string PartnerNode { get; set; } = "";
    /// <summary>The partner's agency (police, children-social-care, health, education, probation), for the disclosure log; optional.</summary>
    public string PartnerAgency { get; set; } = "";
    /// <summary>Referral, CseFlag, RiskChange, StrategyRecord, ReferralOutcome.</summary>
    public List<string> Categories { get; set; } = [];
    /// <summary>A lawful basis by its proto name, e.g. LAWFUL_BASIS_PUBLIC_TASK.</summary>
    public string LawfulBasis { get; set; } = "";
    /// <summary>The first day in force (yyyy-MM-dd, the node's local calendar).</summary>
    public string ValidFrom { get; set; } = "";
    /// <summary>The last day in force (yyyy-MM-dd).</summary>
    public string ValidTo { get; set; } = "";
}
