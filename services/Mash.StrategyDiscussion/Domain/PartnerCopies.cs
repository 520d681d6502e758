using Mash.Contracts.Common.V1;
using Mash.Contracts.Strategy.V1;

namespace Mash.StrategyDiscussion.Domain;

/// <summary>What a node does with a partner's discussion: what it keeps, and which update replaces its copy.</summary>
public static class PartnerCopies
{
    /// <summary>
    /// An outstanding discussion is kept where this node's agency is expected to attend: its clock is
    /// theirs too.
    /// </summary>
    public static bool KeepsOutstanding(Agency thisNode, IEnumerable<Agency> expected) => expected.Contains(thisNode);

    /// <summary>
    /// A concluded discussion's record and minutes are kept where this node's agency took part. A node
    /// that was told of it while outstanding but did not take part learns only that it was held (so it
    /// leaves its outstanding list), not what was decided.
    /// </summary>
    public static bool KeepsRecord(Agency thisNode, IEnumerable<Agency> participating) => participating.Contains(thisNode);

    /// <summary>A conclusion is final: nothing replaces a concluded copy. Anything else replaces an outstanding one.</summary>
    public static bool Replaces(DiscussionStatus kept) => kept != DiscussionStatus.Concluded;
}
