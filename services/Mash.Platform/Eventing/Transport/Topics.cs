namespace Mash.Platform.Eventing.Transport;

/// <summary>The topics the services use; the same names are declared in the broker's configuration.</summary>
public static class Topics
{
    public const string Referrals = "referrals";
    public const string CseFlags = "cse-flags";
    public const string RiskChanges = "risk-changes";

    public static string SubscriptionName(string service, string nodeId) => $"{service}-{nodeId}";
}
