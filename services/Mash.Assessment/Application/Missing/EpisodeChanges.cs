using Mash.Assessment.Data;
using Mash.Contracts.Missing.V1;

using Mash.Assessment.Domain.Missing;

namespace Mash.Assessment.Application.Missing;

/// <summary>
/// The changes an episode takes, the same whether made here or by the partner node: each node applies
/// the other's in order, so both copies end the same. The current grade is the latest by when it was
/// graded; the first return recorded stands; an interview settles once.
/// </summary>
public static class EpisodeChanges
{
    public static void Grade(MissingEpisodeRecord episode, MissingRisk risk, string rationale, DateTime gradedAt, string node)
    {
        episode.Grades.Add(new MissingGradeRecord { EpisodeId = episode.Id, Risk = risk, Rationale = rationale, GradedAt = gradedAt, GradedAtNode = node });
        episode.Risk = episode.Grades.OrderBy(g => g.GradedAt).ThenBy(g => g.Id).Last().Risk;
    }

    /// <summary>False when a return is already recorded (the first one stands).</summary>
    public static bool Return(MissingEpisodeRecord episode, DateTime returnedAt, string foundWhere, string foundBy, string whereBeen, string withWhom)
    {
        if (episode.ReturnedAt is not null)
        {
            return false;
        }

        episode.Open = false;
        episode.ReturnedAt = returnedAt;
        episode.FoundWhere = foundWhere;
        episode.FoundBy = foundBy;
        episode.WhereBeen = whereBeen;
        episode.WithWhom = withWhom;
        return true;
    }

    public static bool Settled(MissingEpisodeRecord episode) => ReturnInterviews.Settled(StateOf(episode.InterviewOutcome, episode.ReturnedAt));

    /// <summary>False when the interview was already settled.</summary>
    public static bool Interview(MissingEpisodeRecord episode, InterviewOutcome outcome, DateTime at, string interviewer, bool independent, string reason, string findings)
    {
        if (Settled(episode))
        {
            return false;
        }

        episode.InterviewOutcome = outcome;
        episode.InterviewAt = at;
        episode.Interviewer = interviewer;
        episode.InterviewerIndependent = independent;
        episode.InterviewReason = reason;
        episode.InterviewFindings = findings;
        return true;
    }

    public static InterviewState StateOf(InterviewOutcome outcome, DateTime? returnedAt) => (returnedAt, outcome) switch
    {
        (null, _) => InterviewState.NotDue,
        (_, InterviewOutcome.Offered) => InterviewState.Offered,
        (_, InterviewOutcome.Done) => InterviewState.Done,
        (_, InterviewOutcome.Declined) => InterviewState.Declined,
        (_, InterviewOutcome.NotDone) => InterviewState.NotDone,
        _ => InterviewState.Due,
    };

    public static EpisodeFacts Facts(MissingEpisodeRecord e) => new(
        e.Id, e.ReportedAt, (MissingRiskGrade)(int)e.Risk, e.ReturnedAt, StateOf(e.InterviewOutcome, e.ReturnedAt),
        ReturnInterviews.Settled(StateOf(e.InterviewOutcome, e.ReturnedAt)) ? e.InterviewAt : null);
}
