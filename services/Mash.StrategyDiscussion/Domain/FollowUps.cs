using Mash.Contracts.Strategy.V1;

namespace Mash.StrategyDiscussion.Domain;

/// <summary>The discussion a follow-up is asked to follow.</summary>
public sealed record FollowedDiscussion(string Id, DiscussionStatus Status, string FollowsDiscussionId);

/// <summary>
/// More than one discussion may be needed: a follow-up follows a concluded discussion, and links to
/// the first of the chain, so every discussion about the same concern names the one that started it.
/// </summary>
public static class FollowUps
{
    public static bool CanBeFollowed(FollowedDiscussion earlier) => earlier.Status == DiscussionStatus.Concluded;

    public static string FirstOfChain(FollowedDiscussion earlier) =>
        earlier.FollowsDiscussionId.Length > 0 ? earlier.FollowsDiscussionId : earlier.Id;
}
