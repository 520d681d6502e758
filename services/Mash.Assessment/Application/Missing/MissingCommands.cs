using Google.Protobuf;
using Mash.Assessment.Data;
using Mash.Assessment.Domain.Missing;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Missing.V1;
using Mash.Platform.Audit;
using Mash.Platform.Auth;
using Mash.Platform.Errors;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Identity;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Assessment.Application.Missing;

/// <summary>
/// Episodes reported and changed at this node; each change is shared at once with every partner node
/// under an agreement for missing episodes, in the transaction that stores it.
/// </summary>
internal sealed class MissingCommands(
    MissingEpisodeStore store, MissingPatternsCheck patterns, PhilomenaProfiles profiles, CseFlagCommands cseFlags, InterviewReferrals referrals,
    EventOutbox outbox, MissingSettings settings,
    ChildKeyHasher childKeys, CallAudit audit, ServiceClock clock)
{
    public const string SharePurpose = "A child missing: the episode shared so each agency can act to find and protect the child";

    /// <param name="asCarer">The caller is a care provider: only a child whose Philomena profile here names it.</param>
    public Task<MissingEpisode> ReportAsync(ReportMissingRequest request, bool asCarer, CancellationToken cancellationToken)
    {
        var (reportedAt, lastSeenAt) = MissingRequestRules.CheckReport(request, clock.UtcNow, clock.Today);
        return store.OnceAsync(request.IdempotencyKey, "ReportMissing", request, async ct =>
        {
            var childKey = childKeys.KeyFor(request.Child);
            await RequireCareOfAsync(childKey, "", asCarer, ct);
            if (await store.Db.MissingEpisodes.AsNoTracking().Where(e => e.ChildKey == childKey && e.Open).Select(e => e.Id).FirstOrDefaultAsync(ct) is { } open)
            {
                audit.Touch(childKey, open);
                throw RpcErrors.FailedPrecondition($"missing episode {open}", "EPISODE_OPEN",
                    $"The child is already missing: episode {open} is open. Regrade it or record the return.");
            }

            var episode = new MissingEpisodeRecord
            {
                Id = MissingEpisodeStore.NewId(clock.Now),
                ChildKey = childKey,
                Child = request.Child.ToByteArray(),
                ChildMatch = ChildIdentityRules.IsConfirmed(request.Child) ? ChildMatchStatus.Confirmed : ChildMatchStatus.Unconfirmed,
                Area = settings.Area,
                ReportedAtNode = settings.ThisNode,
                ReportedAt = reportedAt,
                ReportedBy = request.ReportedBy,
                ReporterName = request.ReporterName.Trim(),
                ReporterClientId = audit.Caller.ClientId,
                LastSeenAt = lastSeenAt,
                LastSeenPlace = request.LastSeenPlace.Trim(),
                Circumstances = request.Circumstances.Trim(),
                LawfulBasis = Basis(),
            };
            EpisodeChanges.Grade(episode, request.Risk, request.RiskRationale.Trim(), reportedAt, settings.ThisNode);
            store.Db.MissingEpisodes.Add(episode);
            audit.Touch(childKey, episode.Id);
            Share(episode, new MissingEpisodeReported { Episode = episode.Shared() });
            await profiles.ReleaseIfHeldAsync(store.Db, episode, ct);
            await patterns.CheckAsync(episode, reportedAt, episode.LawfulBasis, ct);
            return episode;
        }, cancellationToken);
    }

    public Task<MissingEpisode> RegradeAsync(RegradeRiskRequest request, bool asCarer, CancellationToken cancellationToken)
    {
        var at = MissingRequestRules.CheckRegrade(request, clock.UtcNow);
        return store.OnceAsync(request.IdempotencyKey, "RegradeRisk", request, async ct =>
        {
            var episode = await store.LoadAsync(request.EpisodeId, ct);
            await RequireCareOfAsync(episode.ChildKey, episode.Id, asCarer, ct);
            if (!episode.Open)
            {
                throw Refused(episode, "EPISODE_CLOSED", $"The child was found or came back at {episode.ReturnedAt:yyyy-MM-dd HH:mm} UTC: the episode's risk is no longer graded.");
            }

            new FieldViolations().CheckNotBefore("graded_at", at, episode.ReportedAt, "the report").ThrowIfAny("The grade cannot be recorded.");
            EpisodeChanges.Grade(episode, request.Risk, request.Rationale.Trim(), at, settings.ThisNode);
            Share(episode, new MissingRiskRegraded { EpisodeId = episode.Id, Grade = MissingMapper.Grade(episode.Grades[^1]) });
            await patterns.CheckAsync(episode, at, episode.LawfulBasis, ct);
            return episode;
        }, cancellationToken);
    }

    public Task<MissingEpisode> ReturnAsync(RecordReturnRequest request, bool asCarer, CancellationToken cancellationToken)
    {
        var at = MissingRequestRules.CheckReturn(request, clock.UtcNow);
        return store.OnceAsync(request.IdempotencyKey, "RecordReturn", request, async ct =>
        {
            var episode = await store.LoadAsync(request.EpisodeId, ct);
            await RequireCareOfAsync(episode.ChildKey, episode.Id, asCarer, ct);
            new FieldViolations().CheckNotBefore("returned_at", at, episode.ReportedAt, "the report").ThrowIfAny("The return cannot be recorded.");
            if (!EpisodeChanges.Return(episode, at, request.FoundWhere.Trim(), request.FoundBy.Trim(), request.WhereBeen.Trim(), request.WithWhom.Trim()))
            {
                throw Refused(episode, "ALREADY_RETURNED", $"The return was recorded: {episode.ReturnedAt:yyyy-MM-dd HH:mm} UTC at {episode.FoundWhere}.");
            }

            Share(episode, new MissingChildReturned
            {
                EpisodeId = episode.Id, ReturnedAt = Timestamps.Of(at), FoundWhere = episode.FoundWhere, FoundBy = episode.FoundBy,
                WhereBeen = episode.WhereBeen, WithWhom = episode.WithWhom,
            });
            await PhilomenaProfiles.WithdrawAsync(store.Db, episode.Id, ct);
            return episode;
        }, cancellationToken);
    }

    /// <summary>
    /// The interview; with <c>make_referral</c>, a referral asked of this node's Referral service in the same transaction;
    /// with <c>raise_cse_flag</c>, a CSE flag on the child raised in the same step (its own key: the interview's, suffixed).
    /// </summary>
    public async Task<MissingEpisode> RecordInterviewAsync(RecordReturnInterviewRequest request, InterviewerMay may, CancellationToken cancellationToken)
    {
        // What the interview does in the same step is done in the caller's name: its token must allow it.
        if (request.MakeReferral is not null && !may.SubmitReferrals)
        {
            throw RpcErrors.PermissionDenied($"Making a referral from the interview needs the role {MashRoles.ReferralSubmit}; nothing was recorded.");
        }

        if (request.RaiseCseFlag != Contracts.Events.V1.CseRisk.Unspecified && !may.RaiseCseFlags)
        {
            throw RpcErrors.PermissionDenied($"Raising a CSE flag from the interview needs the role {MashRoles.CseManage}; nothing was recorded.");
        }

        var episode = await InterviewAsync(request, cancellationToken);
        if (request.RaiseCseFlag != Contracts.Events.V1.CseRisk.Unspecified)
        {
            await cseFlags.RaiseAsync(new Contracts.Assessment.V1.RaiseCseFlagRequest
            {
                IdempotencyKey = request.IdempotencyKey + ":cse-flag",
                Child = episode.Child,
                Risk = request.RaiseCseFlag,
                Reason = $"Return interview after missing episode {episode.EpisodeId}: {request.Findings.Trim()}",
                Evidence = $"Return interview by {request.Interviewer.Trim()}",
                LawfulBasis = LawfulBasis.SafeguardingOfChildren,
            }, cancellationToken);
        }

        return episode;
    }

    private Task<MissingEpisode> InterviewAsync(RecordReturnInterviewRequest request, CancellationToken cancellationToken)
    {
        var at = MissingRequestRules.CheckInterview(request, clock.UtcNow);
        return store.OnceAsync(request.IdempotencyKey, "RecordReturnInterview", request, async ct =>
        {
            var episode = await store.LoadAsync(request.EpisodeId, ct);
            if (episode.ReturnedAt is null)
            {
                throw Refused(episode, "STILL_MISSING", "The child is still missing: a return interview follows the return.");
            }

            new FieldViolations().CheckNotBefore("at", at, episode.ReturnedAt, "the return").ThrowIfAny("The interview cannot be recorded.");
            if (!EpisodeChanges.Interview(episode, request.Outcome, at, request.Interviewer.Trim(), request.IndependentOfCarer, request.Reason.Trim(), request.Findings.Trim()))
            {
                throw Refused(episode, "INTERVIEW_SETTLED", $"The return interview is settled ({episode.InterviewOutcome}, {episode.InterviewAt:yyyy-MM-dd HH:mm} UTC).");
            }

            if (request.MakeReferral is { } referral)
            {
                referrals.Request(store.Db, episode, referral, at);
            }

            Share(episode, new ReturnInterviewRecorded
            {
                EpisodeId = episode.Id,
                Interview = new ReturnInterview
                {
                    Outcome = episode.InterviewOutcome, At = Timestamps.Of(at), Interviewer = episode.Interviewer, IndependentOfCarer = episode.InterviewerIndependent,
                    Reason = episode.InterviewReason, Findings = episode.InterviewFindings, ReferralId = episode.InterviewReferralId,
                },
            });
            return episode;
        }, cancellationToken);
    }

    /// <summary>A care provider acts only for the children whose Philomena profile here names it; the refused attempt is audited.</summary>
    private async Task RequireCareOfAsync(string childKey, string recordId, bool asCarer, CancellationToken cancellationToken)
    {
        if (!asCarer)
        {
            return;
        }

        var provider = await store.Db.PhilomenaProfiles.AsNoTracking().Where(p => p.ChildKey == childKey).Select(p => p.CareProviderClientId).FirstOrDefaultAsync(cancellationToken);
        if (provider != audit.Caller.ClientId)
        {
            audit.Touch(childKey, recordId);
            throw RpcErrors.PermissionDenied("A care provider reports and updates the episodes of the children in its care only: this child's profile does not name it.");
        }
    }

    private void Share(MissingEpisodeRecord episode, IMessage change) =>
        outbox.ShareWithPartners(store.Db, Topics.MissingEpisodes, change, episode.ChildKey, episode.ChildMatch == ChildMatchStatus.Confirmed,
            episode.LawfulBasis, SharePurpose, episode.Id);

    private LawfulBasis Basis() => LawfulBases.TryParse(audit.LawfulBasis, out var basis) && basis != LawfulBasis.Unspecified ? basis : LawfulBasis.PublicTask;

    private static global::Grpc.Core.RpcException Refused(MissingEpisodeRecord episode, string type, string description) =>
        RpcErrors.FailedPrecondition($"missing episode {episode.Id}", type, description);
}

/// <summary>What the interviewer's token allows beyond the interview itself.</summary>
internal sealed record InterviewerMay(bool SubmitReferrals, bool RaiseCseFlags)
{
    public static InterviewerMay Of(System.Security.Claims.ClaimsPrincipal user) =>
        new(user.IsInRole(MashRoles.ReferralSubmit), user.IsInRole(MashRoles.CseManage));
}
