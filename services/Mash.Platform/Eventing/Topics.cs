namespace Mash.Platform.Eventing;

/// <summary>The topics the services use; the same names are declared in the broker's configuration.</summary>
public static class Topics
{
    public const string Referrals = "referrals";
    public const string CseFlags = "cse-flags";
    public const string RiskChanges = "risk-changes";

    public static string SubscriptionName(string service, string nodeId) => $"{service}-{nodeId}";

    /// <summary>Topics whose events reach other agencies' nodes, so each send is a disclosure.</summary>
    public static bool IsSharedWithPartners(string topic) => topic is CseFlags or RiskChanges;
}
