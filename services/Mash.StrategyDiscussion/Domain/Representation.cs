using Mash.Contracts.Common.V1;
using Mash.Contracts.Strategy.V1;

namespace Mash.StrategyDiscussion.Domain;

/// <summary>
/// Who a discussion needs: children's social care, health and police, each represented by someone
/// who attended or excused by a participant who could not attend and said why.
/// </summary>
public static class Representation
{
    public static readonly IReadOnlyList<Agency> Required = [Agency.ChildrenSocialCare, Agency.Health, Agency.Police];

    /// <summary>Took part: attended, or was excused with a reason.</summary>
    public static bool TookPart(Participant participant) =>
        participant.Attended || !string.IsNullOrWhiteSpace(participant.AbsenceReason);

    /// <summary>The required agencies with no one who took part, in <see cref="Required"/> order.</summary>
    public static IReadOnlyList<Agency> Missing(IEnumerable<Participant> participants)
    {
        var present = participants.Where(TookPart).Select(p => p.Agency).ToHashSet();
        return [.. Required.Where(a => !present.Contains(a))];
    }

    /// <summary>The agencies whose nodes receive the concluded discussion: every one that took part.</summary>
    public static IReadOnlyList<Agency> Participating(IEnumerable<Participant> participants) =>
        [.. participants.Where(TookPart).Select(p => p.Agency).Where(a => a != Agency.Unspecified).Distinct().Order()];

    /// <summary>
    /// The agencies whose nodes must know of a discussion before it is held: the three it needs and
    /// every other agency invited.
    /// </summary>
    public static IReadOnlyList<Agency> Expected(IEnumerable<Participant> invited) =>
        [.. Required.Concat(invited.Select(p => p.Agency)).Where(a => a != Agency.Unspecified).Distinct().Order()];

    public static string Describe(Agency agency) => agency switch
    {
        Agency.ChildrenSocialCare => "children's social care",
        Agency.Health => "health",
        Agency.Police => "police",
        Agency.Education => "education",
        Agency.Probation => "probation",
        _ => "other",
    };

    public static string NotRepresentedMessage(IReadOnlyList<Agency> missing) =>
        "Children's social care, health and police must each be represented at a strategy discussion, or excused with a reason "
        + "(RecordAttendance: attended=false and an absence_reason). Not represented: " + string.Join(", ", missing.Select(Describe)) + ".";
}
