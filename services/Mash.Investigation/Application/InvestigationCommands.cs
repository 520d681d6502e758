using Google.Protobuf;
using Mash.Contracts.Investigation.V1;
using Mash.Investigation.Data;
using Mash.Investigation.Domain;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Identity;
using Mash.Platform.Idempotency;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Investigation.Application;

/// <summary>Investigations opened, allocated, planned, supervised and closed at this node.</summary>
internal sealed class InvestigationCommands(
    InvestigationStore store, InvestigationViews views, InvestigationRules rules, ChildKeyHasher childKeys, CallAudit audit, ServiceClock clock)
{
    public async Task<Contracts.Investigation.V1.Investigation> OpenAsync(OpenInvestigationRequest request, CancellationToken cancellationToken)
    {
        var openedAt = InvestigationRequestRules.CheckOpen(request, clock.UtcNow, clock.Today);
        rules.CheckArea(new FieldViolations(), "area", request.Area).ThrowIfAny("The investigation cannot be opened.");
        audit.RequireStatedPurpose();
        var area = rules.AreaOr(request.Area);
        var fingerprint = RequestFingerprint.Of(request);
        var db = store.Db;
        return await new CreateOnce<InvestigationRecord, Contracts.Investigation.V1.Investigation>(db, "investigation")
        {
            FindByKey = ct => db.Investigations.AsNoTracking().FirstOrDefaultAsync(i => i.ClientId == audit.Caller.ClientId && i.IdempotencyKey == request.IdempotencyKey, ct),
            Replay = (earlier, ct) =>
            {
                IdempotencyKeys.CheckRetry(earlier.RequestHash, fingerprint, "investigation");
                return views.GetAsync(earlier.Id, ct);
            },
            Create = async ct =>
            {
                var record = new InvestigationRecord
                {
                    Id = RecordIds.New("inv_", clock.Now), Area = area, SourceKind = request.Source.Kind, SourceId = request.Source.Id.Trim(),
                    Summary = request.Summary.Trim(), OpenedAt = openedAt, ClientId = audit.Caller.ClientId, IdempotencyKey = request.IdempotencyKey,
                    RequestHash = fingerprint,
                };
                record.Children.AddRange(request.Children.Select((child, position) => new InvestigationChildRecord
                {
                    InvestigationId = record.Id, ChildKey = childKeys.KeyFor(child), Identity = child.ToByteArray(), Position = position,
                }));
                record.ReviewDueAt = StallRules.ReviewDue(record.Facts(), rules.For(area));
                db.Investigations.Add(record);
                store.Touch(record);
                await store.SaveAsync(record, ct);
                return await views.ViewAsync(record, ct);
            },
        }.RunAsync(cancellationToken);
    }

    public Task<Contracts.Investigation.V1.Investigation> AllocateAsync(AllocateInvestigationRequest request, CancellationToken cancellationToken)
    {
        var at = InvestigationRequestRules.CheckAllocate(request, clock.UtcNow);
        return ChangeAsync(request.IdempotencyKey, "AllocateInvestigation", RequestFingerprint.Of(request), request.InvestigationId, record =>
        {
            RequireOpen(record);
            new FieldViolations().CheckNotBefore("allocated_at", at, record.OpenedAt, "the investigation's opening").ThrowIfAny("The investigation cannot be allocated.");
            (record.Team, record.Officer, record.AllocatedAt) = (request.Team.Trim(), request.Officer.Trim(), at);
        }, cancellationToken);
    }

    public Task<Contracts.Investigation.V1.Investigation> PlanAsync(PlanStepRequest request, CancellationToken cancellationToken)
    {
        var (plannedAt, targetAt) = InvestigationRequestRules.CheckPlan(request, clock.UtcNow);
        return ChangeAsync(request.IdempotencyKey, "PlanStep", RequestFingerprint.Of(request), request.InvestigationId, record =>
        {
            RequireOpen(record);
            new FieldViolations().CheckNotBefore("planned_at", plannedAt, record.OpenedAt, "the investigation's opening").ThrowIfAny("The step cannot be planned.");
            var step = new StepRecord
            {
                Id = RecordIds.New("stp_", clock.Now), InvestigationId = record.Id, Kind = request.Kind, Description = request.Description.Trim(),
                PlannedAt = plannedAt, TargetAt = targetAt, WithPartners = request.WithPartners,
            };
            record.Steps.Add(step);
        }, cancellationToken);
    }

    public Task<Contracts.Investigation.V1.Investigation> CompleteAsync(CompleteStepRequest request, CancellationToken cancellationToken)
    {
        var at = InvestigationRequestRules.CheckComplete(request, clock.UtcNow);
        return ChangeAsync(request.IdempotencyKey, "CompleteStep", RequestFingerprint.Of(request), request.InvestigationId, record =>
        {
            var step = record.Steps.FirstOrDefault(s => s.Id == request.StepId) ?? throw RpcErrors.NotFound("step", request.StepId);
            if (step.CompletedAt is not null)
            {
                throw Refused(record, "STEP_DONE", $"The step was done at {step.CompletedAt:yyyy-MM-dd HH:mm} UTC.");
            }

            new FieldViolations().CheckNotBefore("completed_at", at, step.PlannedAt, "the time it was planned").ThrowIfAny("The step cannot be completed.");
            (step.CompletedAt, step.Note) = (at, request.Note.Trim());
        }, cancellationToken);
    }

    public Task<Contracts.Investigation.V1.Investigation> ReviewAsync(RecordSupervisoryReviewRequest request, CancellationToken cancellationToken)
    {
        var (reviewedAt, nextDue) = InvestigationRequestRules.CheckReview(request, clock.UtcNow);
        return ChangeAsync(request.IdempotencyKey, "RecordSupervisoryReview", RequestFingerprint.Of(request), request.InvestigationId, record =>
        {
            RequireOpen(record);
            var area = rules.For(record.Area);
            new FieldViolations().CheckNotBefore("reviewed_at", reviewedAt, record.OpenedAt, "the investigation's opening")
                .Require(nextDue - reviewedAt <= area.MaxReviewInterval, "next_review_due", $"At most {area.MaxReviewIntervalDays:0.##} days after this review (the area's MaxReviewIntervalDays).")
                .ThrowIfAny("The review cannot be recorded.");
            var review = new SupervisoryReview
            {
                Supervisor = request.Supervisor.Trim(), ReviewedAt = Timestamps.Of(reviewedAt), Reviewed = request.Reviewed.Trim(),
                FurtherEnquiries = { request.FurtherEnquiries.Select(e => e.Trim()).Where(e => e.Length > 0) }, NextReviewDue = Timestamps.Of(nextDue),
            };
            record.Reviews.Add(new ReviewRecord { InvestigationId = record.Id, ReviewedAt = reviewedAt, NextReviewDue = nextDue, Review = review.ToByteArray() });
            record.ReviewDueAt = StallRules.ReviewDue(record.Facts(), area);
        }, cancellationToken);
    }

    public Task<Contracts.Investigation.V1.Investigation> CloseAsync(CloseInvestigationRequest request, CancellationToken cancellationToken)
    {
        var at = InvestigationRequestRules.CheckClose(request, clock.UtcNow);
        return ChangeAsync(request.IdempotencyKey, "CloseInvestigation", RequestFingerprint.Of(request), request.InvestigationId, record =>
        {
            RequireOpen(record);
            new FieldViolations().CheckNotBefore("closed_at", at, record.OpenedAt, "the investigation's opening").ThrowIfAny("The investigation cannot be closed.");
            (record.Open, record.Outcome, record.CloseReason, record.ClosedAt) = (false, request.Outcome, request.Reason.Trim(), at);
        }, cancellationToken);
    }

    /// <summary>A change to one investigation, once per key; a retry answers with the investigation as it is now.</summary>
    public Task<Contracts.Investigation.V1.Investigation> ChangeAsync(
        string key, string method, string fingerprint, string investigationId, Action<InvestigationRecord> change, CancellationToken cancellationToken) =>
        store.ChangeOnceAsync(key, method, fingerprint, investigationId, record =>
        {
            change(record);
            return record.Id;
        }, views.GetAsync, (record, _, ct) => views.ViewAsync(record, ct), cancellationToken);

    public static void RequireOpen(InvestigationRecord record)
    {
        if (!record.Open)
        {
            throw Refused(record, "CLOSED", $"The investigation was closed at {record.ClosedAt:yyyy-MM-dd HH:mm} UTC ({record.Outcome}).");
        }
    }

    public static global::Grpc.Core.RpcException Refused(InvestigationRecord record, string type, string description) =>
        RpcErrors.FailedPrecondition($"investigation {record.Id}", type, description);
}
