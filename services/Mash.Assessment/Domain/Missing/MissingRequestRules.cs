using Mash.Contracts.Missing.V1;
using Mash.Platform.Errors;
using Mash.Platform.Identity;
using Mash.Platform.Idempotency;
using Mash.Platform.Time;

namespace Mash.Assessment.Domain.Missing;

/// <summary>What each missing-episode request must hold before anything is looked up.</summary>
public static class MissingRequestRules
{
    public const int MaxName = 200;
    public const int MaxText = 1_000;
    public const int MaxLongText = 2_000;
    public const int MaxFindings = 5_000;

    public static (DateTime ReportedAt, DateTime? LastSeenAt) CheckReport(ReportMissingRequest request, DateTime nowUtc, DateOnly today)
    {
        var v = new FieldViolations().CheckIdempotencyKey(request.IdempotencyKey, "report the episode twice");
        ChildIdentityRules.Validate(v, "child", request.Child, today);
        var reported = v.CheckHappened("reported_at", request.ReportedAt, nowUtc, "Give the time the child was reported missing.");
        DateTime? lastSeen = request.LastSeenAt is null ? null : v.CheckHappened("last_seen_at", request.LastSeenAt, nowUtc, "");
        v.CheckNotBefore("reported_at", reported, lastSeen, "the time the child was last seen")
            .CheckKnown("reported_by", request.ReportedBy, "Say who reported the child missing: parent, carer, children's home, school, social worker.")
            .CheckOptionalText("reporter_name", request.ReporterName, MaxName)
            .CheckOptionalText("last_seen_place", request.LastSeenPlace, MaxName)
            .CheckKnown("risk", request.Risk, "Grade the risk: low, medium or high.")
            .CheckText("risk_rationale", request.RiskRationale, MaxText, "Give the rationale for the risk grade.")
            .CheckOptionalText("circumstances", request.Circumstances, MaxLongText)
            .ThrowIfAny("The episode cannot be recorded.");
        return (reported!.Value, lastSeen);
    }

    public static DateTime CheckRegrade(RegradeRiskRequest request, DateTime nowUtc)
    {
        var v = Target(request.EpisodeId, request.IdempotencyKey, "regrade twice");
        var at = v.CheckHappened("graded_at", request.GradedAt, nowUtc, "Give the time of the new grade.");
        v.CheckKnown("risk", request.Risk, "Grade the risk: low, medium or high.")
            .CheckText("rationale", request.Rationale, MaxText, "Give the rationale for the new grade.")
            .ThrowIfAny("The grade cannot be recorded.");
        return at!.Value;
    }

    public static DateTime CheckReturn(RecordReturnRequest request, DateTime nowUtc)
    {
        var v = Target(request.EpisodeId, request.IdempotencyKey, "record the return twice");
        var at = v.CheckHappened("returned_at", request.ReturnedAt, nowUtc, "Give the time the child was found or came back.");
        v.CheckText("found_where", request.FoundWhere, MaxName, "Say where the child was found or came back to.")
            .CheckOptionalText("found_by", request.FoundBy, MaxName)
            .CheckOptionalText("where_been", request.WhereBeen, MaxLongText)
            .CheckOptionalText("with_whom", request.WithWhom, MaxLongText)
            .ThrowIfAny("The return cannot be recorded.");
        return at!.Value;
    }

    public static DateTime CheckInterview(RecordReturnInterviewRequest request, DateTime nowUtc)
    {
        var v = Target(request.EpisodeId, request.IdempotencyKey, "record the interview twice");
        var at = v.CheckHappened("at", request.At, nowUtc, "Give the time.");
        v.CheckKnown("outcome", request.Outcome, "Say whether the interview was offered, done, declined or not done.")
            .CheckOptionalText("interviewer", request.Interviewer, MaxName)
            .CheckOptionalText("reason", request.Reason, MaxText)
            .CheckOptionalText("findings", request.Findings, MaxFindings);
        switch (request.Outcome)
        {
            case InterviewOutcome.Done:
                v.Require(!string.IsNullOrWhiteSpace(request.Interviewer), "interviewer", "Name who did the interview.")
                    .Require(request.IndependentOfCarer, "independent_of_carer", "A return interview is done by someone independent of the carer.");
                break;
            case InterviewOutcome.Declined or InterviewOutcome.NotDone:
                v.Require(!string.IsNullOrWhiteSpace(request.Reason), "reason", "Give the reason.");
                break;
        }

        if (request.MakeReferral is { } referral)
        {
            CheckReferral(v, request, referral);
        }

        v.ThrowIfAny("The interview cannot be recorded.");
        return at!.Value;
    }

    /// <summary>A referral from the interview: only from one done, with a concern to refer (the findings or its own).</summary>
    private static void CheckReferral(FieldViolations v, RecordReturnInterviewRequest request, ReferralFromInterview referral)
    {
        v.Require(request.Outcome == InterviewOutcome.Done, "make_referral", "A referral is made from what a done interview found.")
            .CheckKnown("make_referral.category", referral.Category, "Name the category of abuse feared.")
            .CheckOptionalText("make_referral.concern", referral.Concern, MaxFindings)
            .CheckOptionalText("make_referral.contact", referral.Contact, MaxName)
            .Require(Enum.IsDefined(referral.LawfulBasis), "make_referral.lawful_basis", "Not a known lawful basis.")
            .Require(request.Outcome != InterviewOutcome.Done || !string.IsNullOrWhiteSpace(referral.Concern) || !string.IsNullOrWhiteSpace(request.Findings), "make_referral.concern",
                "Say what the MASH should know: the interview's findings or the concern.");
    }

    private static FieldViolations Target(string episodeId, string key, string consequence) =>
        new FieldViolations().CheckId("episode_id", episodeId, "missing episode").CheckIdempotencyKey(key, consequence);
}
