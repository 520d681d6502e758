using Mash.Contracts.Governance.V1;

namespace Mash.Platform.Eventing.Agreements;

/// <summary>What each partner topic carries, as agreements name it.</summary>
public static class DataCategories
{
    private static readonly IReadOnlyDictionary<string, DataCategory> ByTopic = new Dictionary<string, DataCategory>
    {
        [Topics.FrontDoorReferrals] = DataCategory.Referral,
        [Topics.CseFlags] = DataCategory.CseFlag,
        [Topics.RiskChanges] = DataCategory.RiskChange,
        [Topics.StrategyDiscussions] = DataCategory.StrategyRecord,
        [Topics.ReferralOutcomes] = DataCategory.ReferralOutcome,
        [Topics.CustodyRequests] = DataCategory.CustodyRequest,
        [Topics.CustodyAnswers] = DataCategory.CustodyAnswer,
        [Topics.MissingEpisodes] = DataCategory.MissingEpisode,
        [Topics.EncompassNotifications] = DataCategory.DomesticAbuseNotification,
        [Topics.EncompassUpdates] = DataCategory.SchoolNotificationUpdate,
    };

    private static readonly IReadOnlyDictionary<string, DataCategory> ByEventType = new Dictionary<string, DataCategory>
    {
        ["mash.events.v1.ReferralSentToFrontDoor"] = DataCategory.Referral,
        ["mash.events.v1.CseFlagChanged"] = DataCategory.CseFlag,
        ["mash.events.v1.RiskLevelChanged"] = DataCategory.RiskChange,
        ["mash.events.v1.StrategyDiscussionConcluded"] = DataCategory.StrategyRecord,
        ["mash.events.v1.StrategyDiscussionOutstanding"] = DataCategory.StrategyRecord,
        ["mash.events.v1.ReferralProgressReported"] = DataCategory.ReferralOutcome,
        ["mash.events.v1.JuvenileDetained"] = DataCategory.CustodyRequest,
        ["mash.events.v1.AccommodationRequested"] = DataCategory.CustodyRequest,
        ["mash.events.v1.LookedAfterStatusReported"] = DataCategory.CustodyAnswer,
        ["mash.events.v1.AccommodationAnswered"] = DataCategory.CustodyAnswer,
        ["mash.events.v1.MissingEpisodeReported"] = DataCategory.MissingEpisode,
        ["mash.events.v1.MissingRiskRegraded"] = DataCategory.MissingEpisode,
        ["mash.events.v1.MissingChildReturned"] = DataCategory.MissingEpisode,
        ["mash.events.v1.ReturnInterviewRecorded"] = DataCategory.MissingEpisode,
        ["mash.events.v1.PhilomenaProfileReleased"] = DataCategory.MissingEpisode,
        ["mash.events.v1.DomesticAbuseNotified"] = DataCategory.DomesticAbuseNotification,
        ["mash.events.v1.SchoolNotificationUpdated"] = DataCategory.SchoolNotificationUpdate,
    };

    /// <summary>Every partner topic has a category (a test holds <see cref="Topics.IsSharedWithPartners"/> to it).</summary>
    public static DataCategory OfTopic(string topic) => ByTopic.GetValueOrDefault(topic, DataCategory.Unspecified);

    public static DataCategory OfEventType(string eventType) => ByEventType.GetValueOrDefault(eventType, DataCategory.Unspecified);

    public static IEnumerable<string> PartnerTopics => ByTopic.Keys;

    /// <summary>
    /// Whether <paramref name="eventType"/> is one of the partnership's event types that travel on <paramref name="topic"/>:
    /// of the topic's category. A topic may carry several (concluded and outstanding strategy discussions).
    /// </summary>
    public static bool Carries(string topic, string eventType) =>
        OfEventType(eventType) is var category && category != DataCategory.Unspecified && category == OfTopic(topic);

    /// <summary>The configured name ("CseFlag"), case-insensitive; also the proto name ("DATA_CATEGORY_CSE_FLAG").</summary>
    public static bool TryParse(string name, out DataCategory category)
    {
        var compact = name.Trim().Replace("_", "", StringComparison.Ordinal);
        if (compact.StartsWith("DATACATEGORY", StringComparison.OrdinalIgnoreCase))
        {
            compact = compact["DATACATEGORY".Length..];
        }

        category = Enum.GetValues<DataCategory>().FirstOrDefault(c => string.Equals(c.ToString(), compact, StringComparison.OrdinalIgnoreCase));
        return category != DataCategory.Unspecified;
    }

    /// <summary>For people: "CSE flags", "strategy records".</summary>
    public static string Describe(DataCategory category) => category switch
    {
        DataCategory.Referral => "referrals",
        DataCategory.CseFlag => "CSE flags",
        DataCategory.RiskChange => "risk changes",
        DataCategory.StrategyRecord => "strategy records",
        DataCategory.ReferralOutcome => "referral outcomes",
        DataCategory.CustodyRequest => "custody notices and requests for accommodation",
        DataCategory.CustodyAnswer => "looked-after status and answers to requests for accommodation",
        DataCategory.MissingEpisode => "missing episodes",
        DataCategory.DomesticAbuseNotification => "domestic abuse notifications for schools",
        DataCategory.SchoolNotificationUpdate => "whether schools were told of domestic abuse incidents",
        _ => "this information",
    };
}
