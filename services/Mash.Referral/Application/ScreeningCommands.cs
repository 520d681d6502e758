using Mash.Contracts.Referral.V1;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Time;
using Mash.Referral.Data;
using Mash.Referral.Domain;
using Mash.Referral.Telemetry;
using Microsoft.EntityFrameworkCore;
using Mash.Referral.IntegrationEvents;

namespace Mash.Referral.Application;

/// <summary>
/// MASH screening (RAG) and the decision, at the area's front door only. Repeating the same command
/// is harmless; a late decision is stored as a breach and must say why it was late. The decision
/// starts the next step at this node and, like the screening, is reported to the referring node,
/// all in the transaction that stores it.
/// </summary>
internal sealed class ScreeningCommands(
    ReferralDbContext db, CallAudit audit, AuditTrail trail, ReferralTimescales timescales, FrontDoors frontDoors,
    EventOutbox outbox, ServiceClock clock, ReferralMetrics metrics)
{
    public const int MaxRationale = 10_000;

    public async Task<Contracts.Referral.V1.Referral> ScreenAsync(RecordScreeningRequest request, CancellationToken cancellationToken)
    {
        new FieldViolations()
            .RequireReferralId(request.ReferralId)
            .Require(request.Rag != Rag.Unspecified && Enum.IsDefined(request.Rag), "rag", "Give a RAG rating: red, amber, green or blue.")
            .Require(!string.IsNullOrWhiteSpace(request.Rationale), "rationale", "Explain the rating.")
            .Require(request.Rationale.Length <= MaxRationale, "rationale", $"At most {MaxRationale} characters.")
            .ThrowIfAny();
        audit.RequireStatedPurpose();

        var record = await LoadDecidedHereAsync(request.ReferralId, cancellationToken);
        var now = clock.UtcNow;
        if (record.Status == ReferralStatus.Decided)
        {
            throw RpcErrors.FailedPrecondition(record.Id, "REFERRAL_DECIDED", "The referral is already decided; it can no longer be screened.");
        }

        if (record.ScreenedAt is null || record.Rag != request.Rag || record.ScreeningRationale != request.Rationale)
        {
            var ragDue = timescales.ClockFor(record.Area).RagDueAt(record.ReceivedAt, request.Rag);
            record.Rag = request.Rag;
            record.ScreeningRationale = request.Rationale;
            record.ScreenedAt = now;
            record.ScreenedBy = audit.Caller.ClientId;
            record.ScreenedByAgency = audit.Caller.Agency;
            record.RagDueAt = ragDue;
            (record.DueAt, var deadline) = ReferralClock.EarliestOpen(record.DecisionDueAt, ragDue);
            record.DueDeadline = deadline;
            record.Status = ReferralStatus.AwaitingDecision;
            ReportToReferrer(record, record.ParseDetails());
            await SaveAsync(record, cancellationToken);
        }

        return record.ToContract(now, frontDoors.ThisNode);
    }

    public async Task<Contracts.Referral.V1.Referral> DecideAsync(RecordDecisionRequest request, CancellationToken cancellationToken)
    {
        new FieldViolations()
            .RequireReferralId(request.ReferralId)
            .Require(request.Outcome != ReferralOutcome.Unspecified && Enum.IsDefined(request.Outcome), "outcome", "Give the outcome.")
            .Require(!string.IsNullOrWhiteSpace(request.Rationale), "rationale", "Explain the decision.")
            .Require(request.Rationale.Length <= MaxRationale, "rationale", $"At most {MaxRationale} characters.")
            .Require(request.LatenessReason.Length <= MaxRationale, "lateness_reason", $"At most {MaxRationale} characters.")
            .ThrowIfAny();
        audit.RequireStatedPurpose();

        var record = await LoadDecidedHereAsync(request.ReferralId, cancellationToken);
        var now = clock.UtcNow;
        if (record.Status == ReferralStatus.Decided)
        {
            return record.Outcome == request.Outcome && record.DecisionRationale == request.Rationale
                ? record.ToContract(now, frontDoors.ThisNode)
                : throw RpcErrors.FailedPrecondition(record.Id, "REFERRAL_DECIDED", "The referral already has a different decision.");
        }

        if (record.Status == ReferralStatus.AwaitingScreening && request.Outcome != ReferralOutcome.ImmediateProtection)
        {
            throw RpcErrors.FailedPrecondition(record.Id, "NOT_SCREENED", "Screen the referral (RAG) before deciding; only immediate protection may skip screening.");
        }

        var late = now > record.DecisionDueAt;
        if (late && string.IsNullOrWhiteSpace(request.LatenessReason))
        {
            new FieldViolations().Add("lateness_reason",
                $"The decision was due at {record.DecisionDueAt:yyyy-MM-dd HH:mm} UTC and is late: say why.").ThrowIfAny("A late decision must say why it is late.");
        }

        record.Outcome = request.Outcome;
        record.DecisionRationale = request.Rationale;
        record.DecidedAt = now;
        record.DecidedBy = audit.Caller.ClientId;
        record.DecidedByAgency = audit.Caller.Agency;
        record.DecisionBreached = late;
        record.LatenessReason = late ? request.LatenessReason : "";
        record.Status = ReferralStatus.Decided;
        var details = record.ParseDetails();
        StartNextSteps(record, details);
        ReportToReferrer(record, details);
        await SaveAsync(record, cancellationToken);
        metrics.DecisionRecorded(late);
        return record.ToContract(now, frontDoors.ThisNode);
    }

    /// <summary>The assessment to open (or one opened at receipt to close) and any strategy discussion now required, at this node.</summary>
    private void StartNextSteps(ReferralRecord record, ReferralDetails details)
    {
        outbox.Enqueue(db, Topics.Referrals, ReferralEvents.Decided(record, details), record.ChildKey, details.LawfulBasis, audit.Purpose);
        var steps = DecisionNextSteps.After(record.Outcome);
        if (steps.RequiresDiscussion)
        {
            outbox.Enqueue(db, Topics.StrategyTriggers, ReferralEvents.DiscussionRequired(record, details, steps.DiscussionTrigger),
                record.ChildKey, details.LawfulBasis, audit.Purpose);
        }
    }

    /// <summary>A referral made at another node: its referrer hears where it stands (no rationale travels).</summary>
    private void ReportToReferrer(ReferralRecord record, ReferralDetails details)
    {
        if (record.OriginNode.Length > 0)
        {
            outbox.SendToNode(db, Topics.ReferralOutcomes, ReferralEvents.Progress(record), record.ChildKey, record.OriginNode,
                details.LawfulBasis, ReferralEvents.FeedbackPurpose);
        }
    }

    private async Task<ReferralRecord> LoadDecidedHereAsync(string id, CancellationToken cancellationToken)
    {
        var record = await db.Referrals.FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw RpcErrors.NotFound("referral", id);
        audit.Touch(record.ChildKey, record.Id);
        if (record.Role == ReferralRole.ReferrerCopy)
        {
            throw RpcErrors.FailedPrecondition(record.Id, "DECIDED_AT_FRONT_DOOR",
                $"This node sent referral {record.Id} to the MASH front door at node '{record.FrontDoorNode}': it is screened and decided there, and the outcome comes back here.");
        }

        if (!frontDoors.IsHere(record.Area))
        {
            var setting = FrontDoors.SettingFor(record.Area);
            throw RpcErrors.FailedPrecondition(record.Id, "OTHER_AREA", frontDoors.NodeFor(record.Area) is { } other
                ? $"Referral {record.Id} is for area '{record.Area}', whose MASH front door is node '{other}' ({setting}): it is screened and decided there."
                : $"Referral {record.Id} is for area '{record.Area}', and this node is not its MASH front door ({setting} is not set).");
        }

        return record;
    }

    private async Task SaveAsync(ReferralRecord record, CancellationToken cancellationToken)
    {
        record.Version++;
        await trail.SaveVersionedChangesWithAuditAsync(db, "referral", cancellationToken);
    }
}
