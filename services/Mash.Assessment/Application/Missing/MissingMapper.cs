using Google.Protobuf.WellKnownTypes;
using Mash.Assessment.Data;
using Mash.Assessment.Domain.Missing;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Missing.V1;
using Mash.Platform.Time;

namespace Mash.Assessment.Application.Missing;

/// <summary>Episodes as the contract shows them, with the interview's clock worked out at a moment.</summary>
internal static class MissingMapper
{
    public static MissingEpisode ToContract(this MissingEpisodeRecord e, DateTime now, AreaMissingRules rules, int episodesInWindow)
    {
        var facts = EpisodeChanges.Facts(e);
        var episode = e.Shared();
        episode.MissingNow = e.Open;
        episode.HoursMissing = Math.Round(DailyMissingLists.HoursMissing(facts, now).TotalHours, 2);
        episode.EpisodesInWindow = episodesInWindow;
        if (e.ReturnedAt is not null)
        {
            episode.Interview = new ReturnInterview
            {
                Outcome = e.InterviewOutcome,
                At = Timestamps.Of(e.InterviewAt),
                Interviewer = e.Interviewer,
                IndependentOfCarer = e.InterviewerIndependent,
                Reason = e.InterviewReason,
                Findings = e.InterviewFindings,
                ReferralId = e.InterviewReferralId,
                DueAt = Timestamps.Of(ReturnInterviews.DueAt(facts, rules)),
                Overdue = ReturnInterviews.Overdue(facts, now, rules),
                Late = ReturnInterviews.Late(facts, rules),
            };
        }

        return episode;
    }

    /// <summary>The episode as reported and changed, as the partner node is sent it: no clocks of this node.</summary>
    public static MissingEpisode Shared(this MissingEpisodeRecord e)
    {
        var episode = new MissingEpisode
        {
            EpisodeId = e.Id,
            Child = ChildIdentity.Parser.ParseFrom(e.Child),
            ChildMatch = e.ChildMatch,
            ReportedAtNode = e.ReportedAtNode,
            ReportedAt = Timestamps.Of(e.ReportedAt),
            ReportedBy = e.ReportedBy,
            ReporterName = e.ReporterName,
            LastSeenAt = Timestamps.Of(e.LastSeenAt),
            LastSeenPlace = e.LastSeenPlace,
            Circumstances = e.Circumstances,
            Risk = e.Risk,
            ReturnedAt = Timestamps.Of(e.ReturnedAt),
            FoundWhere = e.FoundWhere,
            FoundBy = e.FoundBy,
            WhereBeen = e.WhereBeen,
            WithWhom = e.WithWhom,
        };
        episode.Grades.AddRange(e.Grades.OrderBy(g => g.GradedAt).ThenBy(g => g.Id).Select(Grade));
        return episode;
    }

    public static RiskGrade Grade(MissingGradeRecord g) => new() { Risk = g.Risk, Rationale = g.Rationale, GradedAt = Timestamps.Of(g.GradedAt), GradedAtNode = g.GradedAtNode };

}
