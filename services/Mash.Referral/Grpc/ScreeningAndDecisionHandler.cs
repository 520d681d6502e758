using Mash.Contracts.Referral.V1;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Referral.Data;
using Mash.Referral.Domain;
using Mash.Referral.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Mash.Referral.Grpc;

/// <summary>
/// MASH screening (RAG) and the decision. Repeating the same command is harmless; a late
/// decision is stored as a breach and must say why it was late.
/// </summary>
internal sealed class ScreeningAndDecisionHandler(
    ReferralDbContext db, CallAudit audit, AuditTrail trail, ReferralTimescales timescales, TimeProvider time, ReferralMetrics metrics)
{
    public const int MaxRationale = 10_000;

    public async Task<Contracts.Referral.V1.Referral> ScreenAsync(RecordScreeningRequest request, CancellationToken cancellationToken)
    {
        new FieldViolations()
            .Require(request.ReferralId.Length > 0, "referral_id", "Name the referral.")
            .Require(request.Rag != Rag.Unspecified && Enum.IsDefined(request.Rag), "rag", "Give a RAG rating: red, amber, green or blue.")
            .Require(!string.IsNullOrWhiteSpace(request.Rationale), "rationale", "Explain the rating.")
            .Require(request.Rationale.Length <= MaxRationale, "rationale", $"At most {MaxRationale} characters.")
            .ThrowIfAny();
        audit.RequireStatedPurpose();

        var record = await LoadAsync(request.ReferralId, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (record.Status == (int)ReferralStatus.Decided)
        {
            throw RpcErrors.FailedPrecondition(record.Id, "REFERRAL_DECIDED", "The referral is already decided; it can no longer be screened.");
        }

        if (record.ScreenedAt is null || record.Rag != (int)request.Rag || record.ScreeningRationale != request.Rationale)
        {
            var ragDue = timescales.ClockFor(record.Area).RagDueAt(record.ReceivedAt, request.Rag);
            record.Rag = (int)request.Rag;
            record.ScreeningRationale = request.Rationale;
            record.ScreenedAt = now;
            record.ScreenedBy = audit.Caller.ClientId;
            record.RagDueAt = ragDue;
            record.DueAt = ReferralClock.EarliestDue(record.DecisionDueAt, ragDue);
            record.Status = (int)ReferralStatus.AwaitingDecision;
            await SaveAsync(record, cancellationToken);
        }

        return record.ToContract(now);
    }

    public async Task<Contracts.Referral.V1.Referral> DecideAsync(RecordDecisionRequest request, CancellationToken cancellationToken)
    {
        new FieldViolations()
            .Require(request.ReferralId.Length > 0, "referral_id", "Name the referral.")
            .Require(request.Outcome != ReferralOutcome.Unspecified && Enum.IsDefined(request.Outcome), "outcome", "Give the outcome.")
            .Require(!string.IsNullOrWhiteSpace(request.Rationale), "rationale", "Explain the decision.")
            .Require(request.Rationale.Length <= MaxRationale, "rationale", $"At most {MaxRationale} characters.")
            .Require(request.LatenessReason.Length <= MaxRationale, "lateness_reason", $"At most {MaxRationale} characters.")
            .ThrowIfAny();
        audit.RequireStatedPurpose();

        var record = await LoadAsync(request.ReferralId, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (record.Status == (int)ReferralStatus.Decided)
        {
            return record.Outcome == (int)request.Outcome && record.DecisionRationale == request.Rationale
                ? record.ToContract(now)
                : throw RpcErrors.FailedPrecondition(record.Id, "REFERRAL_DECIDED", "The referral already has a different decision.");
        }

        if (record.Status == (int)ReferralStatus.AwaitingScreening && request.Outcome != ReferralOutcome.ImmediateProtection)
        {
            throw RpcErrors.FailedPrecondition(record.Id, "NOT_SCREENED", "Screen the referral (RAG) before deciding; only immediate protection may skip screening.");
        }

        var late = now > record.DecisionDueAt;
        if (late && string.IsNullOrWhiteSpace(request.LatenessReason))
        {
            new FieldViolations().Add("lateness_reason",
                $"The decision was due at {record.DecisionDueAt:yyyy-MM-dd HH:mm} UTC and is late: say why.").ThrowIfAny("A late decision must say why it is late.");
        }

        record.Outcome = (int)request.Outcome;
        record.DecisionRationale = request.Rationale;
        record.DecidedAt = now;
        record.DecidedBy = audit.Caller.ClientId;
        record.DecisionBreached = late;
        record.LatenessReason = late ? request.LatenessReason : "";
        record.Status = (int)ReferralStatus.Decided;
        await SaveAsync(record, cancellationToken);
        metrics.DecisionRecorded(late);
        return record.ToContract(now);
    }

    private async Task<ReferralRecord> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var record = await db.Referrals.FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw RpcErrors.NotFound("referral", id);
        audit.Touch(record.ChildKey, record.Id);
        return record;
    }

    private async Task SaveAsync(ReferralRecord record, CancellationToken cancellationToken)
    {
        record.Version++;
        await trail.SaveVersionedChangesWithAuditAsync(db, "referral", cancellationToken);
    }
}
