using Mash.Assessment.Data;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Missing.V1;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Audit;
using Mash.Platform.Auth;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Time;
using Agency = Mash.Contracts.Common.V1.Agency;
using Mash.Platform.Identity;

namespace Mash.Assessment.Application.Missing;

/// <summary>
/// A referral made from a return interview's findings: asked of this node's Referral service in the interview's
/// transaction (so both are kept or neither), under an id chosen here so the interview names it at once.
/// The Referral service stores it in the interviewer's name and sends it on to the area's front door.
/// </summary>
internal sealed class InterviewReferrals(EventOutbox outbox, CallAudit audit, ServiceClock clock)
{
    public const string Purpose = "Referral to the MASH";

    public void Request(AssessmentDbContext db, MissingEpisodeRecord episode, ReferralFromInterview referral, DateTime interviewedAt)
    {
        episode.InterviewReferralId = RecordIds.New("ref_", clock.Now);
        var basis = referral.LawfulBasis == LawfulBasis.Unspecified ? LawfulBasis.SafeguardingOfChildren : referral.LawfulBasis;
        var agency = AgencyNames.ToContract(audit.Caller.Agency);
        var request = new ReferralRequested
        {
            ReferralId = episode.InterviewReferralId,
            Details = Details(episode, referral, basis, agency),
            ReceivedAt = Timestamps.Of(interviewedAt),
            ReferringAgency = agency,
            ReferringClient = audit.Caller.ClientId,
            SourceRecord = $"missing episode {episode.Id}",
        };
        outbox.Enqueue(db, Topics.ReferralRequests, request, episode.ChildKey, basis, Purpose);
    }

    private static ReferralDetails Details(MissingEpisodeRecord episode, ReferralFromInterview referral, LawfulBasis basis, Agency agency)
    {
        var contact = referral.Contact.Trim();
        return new ReferralDetails
        {
            Child = ChildIdentity.Parser.ParseFrom(episode.Child),
            Concern = new Concern
            {
                Description = referral.Concern.Trim() is { Length: > 0 } concern ? concern : episode.InterviewFindings,
                Category = referral.Category,
                When = $"Missing from {episode.ReportedAt:yyyy-MM-dd HH:mm} UTC to {episode.ReturnedAt:yyyy-MM-dd HH:mm} UTC (episode {episode.Id})",
                Where = Shorten(episode.WhereBeen),
                Source = "Return interview after a missing episode",
            },
            ImmediateRisk = new ImmediateRisk { ChildCurrentLocation = episode.FoundWhere, ImmediateProtectionNeeded = referral.ImmediateProtectionNeeded },
            Referrer = new Referrer
            {
                Name = episode.Interviewer,
                Agency = agency,
                Role = "Return interviewer",
                Phone = contact.Contains('@') ? "" : contact,
                Email = contact.Contains('@') ? contact : "",
            },
            LawfulBasis = basis,
            Area = episode.Area,
        };
    }

    // A referral's short texts hold 1,000 characters; where the child had been may hold 2,000 (the concern keeps the findings whole).
    private static string Shorten(string text) => text.Length <= 1_000 ? text : text[..997] + "...";
}
