namespace Mash.Platform.Auth;

/// <summary>
/// App roles, as Entra ID app roles and local-issuer tokens carry them. The gateway's routes
/// and the services' RPCs both name these, so each call is authorized twice the same way.
/// </summary>
public static class MashRoles
{
    public const string ReferralSubmit = "Referral.Submit";
    public const string ReferralRead = "Referral.Read";
    public const string ReferralScreen = "Referral.Screen";
    public const string ReferralDecide = "Referral.Decide";

    public const string AssessmentRead = "Assessment.Read";
    public const string AssessmentAssess = "Assessment.Assess";
    public const string CseManage = "Cse.Manage";

    public const string StrategyRead = "Strategy.Read";
    public const string StrategyManage = "Strategy.Manage";

    /// <summary>Operations: list and replay the events a service could not apply.</summary>
    public const string EventsAdmin = "Events.Admin";

    public static readonly IReadOnlyList<string> Referral = [ReferralSubmit, ReferralRead, ReferralScreen, ReferralDecide];
    public static readonly IReadOnlyList<string> Assessment = [AssessmentRead, AssessmentAssess, CseManage, EventsAdmin];
    public static readonly IReadOnlyList<string> Strategy = [StrategyRead, StrategyManage, EventsAdmin];
    /// <summary>Every role the gateway's routes may name.</summary>
    public static readonly IReadOnlyList<string> All = [.. Referral, .. Assessment, StrategyRead, StrategyManage];
}
