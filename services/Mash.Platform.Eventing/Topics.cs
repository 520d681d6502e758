namespace Mash.Platform.Eventing;

/// <summary>The topics the services use; the same names are declared in the broker's configuration.</summary>
public static class Topics
{
    public const string Referrals = "referrals";
    public const string CseFlags = "cse-flags";
    public const string RiskChanges = "risk-changes";
    /// <summary>Within a node: Assessment tells StrategyDiscussion that a discussion is required.</summary>
    public const string StrategyTriggers = "strategy-triggers";
    /// <summary>Within a node: another service asks the Referral service for a referral in its caller's name (a return interview's findings).</summary>
    public const string ReferralRequests = "referral-requests";
    /// <summary>Within a node: Investigation tells Assessment which high-risk children's investigations are stalled, for the daily list.</summary>
    public const string InvestigationStalls = "investigation-stalls";
    /// <summary>Within a node: Assessment tells Offender that a CSE flag names one of its offenders, to link the child.</summary>
    public const string CseFlagOffenderLinks = "cse-flag-offender-links";
    /// <summary>Concluded discussions' records and minutes, for the participating agencies' nodes.</summary>
    public const string StrategyDiscussions = "strategy-discussions";
    /// <summary>Referrals made at one node for the area's MASH front door at another, addressed to that node.</summary>
    public const string FrontDoorReferrals = "front-door-referrals";
    /// <summary>What became of a referral at the front door, addressed to the node that made it.</summary>
    public const string ReferralOutcomes = "referral-outcomes";

    /// <summary>From a police node to its area's local authority node: juveniles detained, requests for accommodation (PACE s38(6)).</summary>
    public const string CustodyRequests = "custody-requests";
    /// <summary>From the local authority node to the police node that asked: looked-after status, answers to requests for accommodation.</summary>
    public const string CustodyAnswers = "custody-answers";

    /// <summary>From a police node to its area's local authority node: a child at a domestic abuse incident, for the child's school (Operation Encompass).</summary>
    public const string EncompassNotifications = "encompass-notifications";
    /// <summary>From the local authority node to the police node that notified: the school told, acknowledged, or none found.</summary>
    public const string EncompassUpdates = "encompass-updates";

    /// <summary>Missing episodes and their updates, shared both ways with every partner node under an agreement.</summary>
    public const string MissingEpisodes = "missing-episodes";

    /// <summary>Within a node: a service recorded a child's identity, for the others to name the child on partners' records.</summary>
    public const string ChildRecords = "child-records";
    /// <summary>Within a node: StrategyDiscussion tells Assessment of each discussion about a child, for the child's risk profile.</summary>
    public const string StrategyRecords = "strategy-records";

    /// <summary>Delivery receipts, addressed to the node and the service that shared what was stored; every sharing service subscribes.</summary>
    public const string DeliveryReceipts = "delivery-receipts";

    /// <summary>A partner node's caller read a record this node shared, addressed to this node (and its service that shared, when the reader knows); every sharing service subscribes.</summary>
    public const string AccessNotices = "access-notices";

    public static string SubscriptionName(string service, string nodeId) => $"{service}-{nodeId}";

    /// <summary>A service's subscription to <paramref name="topic"/> at its node, declared for that node and service.</summary>
    public static Transport.Subscription SubscriptionOf(string topic, string service, string nodeId) =>
        new(topic, SubscriptionName(service, nodeId)) { Node = nodeId, Service = service };

    /// <summary>
    /// Topics whose events a consumer may apply in any order, so a relay may send several in one broker message
    /// (<see cref="Transport.EventBatches"/>): a child's identity recorded, where the latest recorded wins.
    /// </summary>
    public static bool AppliedInAnyOrder(string topic) => topic is ChildRecords;

    /// <summary>Topics whose events reach other agencies' nodes, so each send is a disclosure.</summary>
    public static bool IsSharedWithPartners(string topic) =>
        topic is CseFlags or RiskChanges or StrategyDiscussions or FrontDoorReferrals or ReferralOutcomes or CustodyRequests or CustodyAnswers or MissingEpisodes
            or EncompassNotifications or EncompassUpdates;
}
