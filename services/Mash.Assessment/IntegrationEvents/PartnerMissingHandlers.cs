using Google.Protobuf;
using Mash.Assessment.Application.Missing;
using Mash.Assessment.Data;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Missing.V1;
using Mash.Platform.Audit;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Eventing.Receipts;
using Mash.Platform.Hosting;
using Mash.Platform.Identity;
using Mash.Platform.Limits;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mash.Assessment.IntegrationEvents;

/// <summary>
/// A partner node's missing episode and its updates, applied to this node's copy in the order they
/// were made (the child is the session), each answered with a delivery receipt. The copy is changed by
/// the same rules as an episode reported here, so both nodes' copies end the same.
/// </summary>
internal sealed class PartnerMissingEpisodes(
    AssessmentDbContext db, CallAudit audit, DeliveryReceipts receipts, ChildKeyHasher childKeys, IOptions<MashNodeOptions> node, PhilomenaProfiles profiles, ServiceClock clock)
    : IIntegrationEventHandler<MissingEpisodeReported>, IIntegrationEventHandler<MissingRiskRegraded>,
      IIntegrationEventHandler<MissingChildReturned>, IIntegrationEventHandler<ReturnInterviewRecorded>, IIntegrationEventHandler<PhilomenaProfileReleased>
{
    public async Task HandleAsync(EventEnvelope envelope, MissingEpisodeReported payload, CancellationToken cancellationToken)
    {
        var shared = payload.Episode;
        if (shared is null || shared.EpisodeId.Length is 0 or > RequestLimits.MaxIdLength || shared.Child is null
            || !Timestamps.TryUtc(shared.ReportedAt, out var reportedAt) || shared.Grades.Count == 0)
        {
            throw new UnprocessableEventException("IncompleteEpisode", "A MissingEpisodeReported event needs the episode's id, the child, the time of the report and its grade.");
        }

        if (await db.MissingEpisodes.AsNoTracking().AnyAsync(e => e.Id == shared.EpisodeId, cancellationToken))
        {
            return;
        }

        var episode = new MissingEpisodeRecord
        {
            Id = shared.EpisodeId,
            ChildKey = childKeys.KeyFor(shared.Child),
            Child = shared.Child.ToByteArray(),
            ChildMatch = ChildIdentityRules.IsConfirmed(shared.Child) ? ChildMatchStatus.Confirmed : ChildMatchStatus.Unconfirmed,
            Area = node.Value.Area,
            ReportedAtNode = envelope.OriginNode,
            ReportedAt = reportedAt,
            ReportedBy = shared.ReportedBy,
            ReporterName = shared.ReporterName,
            LastSeenAt = Timestamps.TryUtc(shared.LastSeenAt, out var seen) ? seen : null,
            LastSeenPlace = shared.LastSeenPlace,
            Circumstances = shared.Circumstances,
            LawfulBasis = envelope.LawfulBasis,
        };
        foreach (var grade in shared.Grades)
        {
            EpisodeChanges.Grade(episode, grade.Risk, grade.Rationale, Timestamps.TryUtc(grade.GradedAt, out var at) ? at : reportedAt, envelope.OriginNode);
        }

        db.MissingEpisodes.Add(episode);
        audit.Touch(episode.ChildKey, episode.Id);
        receipts.Acknowledge(db, envelope);
        // A child in this local authority's care: the partner gets the Philomena profile at once.
        await profiles.ReleaseIfHeldAsync(db, episode, cancellationToken);
    }

    public async Task HandleAsync(EventEnvelope envelope, PhilomenaProfileReleased payload, CancellationToken cancellationToken)
    {
        var episode = await EpisodeAsync(payload.EpisodeId, cancellationToken);
        if (payload.Profile?.Child is null)
        {
            throw new UnprocessableEventException("IncompleteProfile", "A PhilomenaProfileReleased event needs the profile.");
        }

        await PhilomenaProfiles.KeepAsync(db, episode, payload.Profile, envelope.OriginNode, clock.UtcNow, cancellationToken);
        receipts.Acknowledge(db, envelope);
    }

    public async Task HandleAsync(EventEnvelope envelope, MissingRiskRegraded payload, CancellationToken cancellationToken)
    {
        var episode = await EpisodeAsync(payload.EpisodeId, cancellationToken);
        if (payload.Grade is null || payload.Grade.Risk == MissingRisk.Unspecified || !Timestamps.TryUtc(payload.Grade.GradedAt, out var at))
        {
            throw new UnprocessableEventException("IncompleteGrade", "A MissingRiskRegraded event needs the grade and when it was made.");
        }

        EpisodeChanges.Grade(episode, payload.Grade.Risk, payload.Grade.Rationale, at, envelope.OriginNode);
        Changed(episode, envelope);
    }

    public async Task HandleAsync(EventEnvelope envelope, MissingChildReturned payload, CancellationToken cancellationToken)
    {
        var episode = await EpisodeAsync(payload.EpisodeId, cancellationToken);
        if (!Timestamps.TryUtc(payload.ReturnedAt, out var at))
        {
            throw new UnprocessableEventException("IncompleteReturn", "A MissingChildReturned event needs the time of the return.");
        }

        EpisodeChanges.Return(episode, at, payload.FoundWhere, payload.FoundBy, payload.WhereBeen, payload.WithWhom);
        await PhilomenaProfiles.WithdrawAsync(db, episode.Id, cancellationToken);
        Changed(episode, envelope);
    }

    public async Task HandleAsync(EventEnvelope envelope, ReturnInterviewRecorded payload, CancellationToken cancellationToken)
    {
        var episode = await EpisodeAsync(payload.EpisodeId, cancellationToken);
        var interview = payload.Interview;
        if (interview is null || interview.Outcome == InterviewOutcome.Unspecified || !Timestamps.TryUtc(interview.At, out var at))
        {
            throw new UnprocessableEventException("IncompleteInterview", "A ReturnInterviewRecorded event needs the outcome and its time.");
        }

        EpisodeChanges.Interview(episode, interview.Outcome, at, interview.Interviewer, interview.IndependentOfCarer, interview.Reason, interview.Findings);
        if (interview.ReferralId.Length <= RequestLimits.MaxIdLength)
        {
            // The referral was sent to the area's front door: at the front door's node this id opens it.
            episode.InterviewReferralId = interview.ReferralId;
        }

        Changed(episode, envelope);
    }

    private async Task<MissingEpisodeRecord> EpisodeAsync(string id, CancellationToken cancellationToken)
    {
        if (id.Length is 0 or > RequestLimits.MaxIdLength)
        {
            throw new UnprocessableEventException("IncompleteUpdate", "A missing episode's update needs the episode's id.");
        }

        var episode = await db.EpisodesWithGrades.FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw new UnprocessableEventException("UnknownEpisode", $"This node holds no missing episode {id}.");
        audit.Touch(episode.ChildKey, episode.Id);
        return episode;
    }

    private void Changed(MissingEpisodeRecord episode, EventEnvelope envelope)
    {
        episode.Version++;
        receipts.Acknowledge(db, envelope);
    }
}
