using Mash.Platform.Time;
using Mash.Assessment.Data;
using Mash.Assessment.Domain;
using Mash.Assessment.Telemetry;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Events.V1;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Outbox;
using Microsoft.EntityFrameworkCore;
using Mash.Assessment.IntegrationEvents;

namespace Mash.Assessment.Application;

/// <summary>
/// The assessment's work: the multi-agency checks, then the conclusion. Repeating the same command
/// is harmless; a late conclusion is stored as a breach, never refused; the conclusion is shared
/// with partner nodes in the transaction that stores it.
/// </summary>
internal sealed class AssessmentCommands(AssessmentDbContext db, CallAudit audit, AuditTrail trail, EventOutbox outbox, ServiceClock clock, AssessmentMetrics metrics)
{
    public async Task<Contracts.Assessment.V1.Assessment> RecordCheckAsync(RecordCheckRequest request, CancellationToken cancellationToken)
    {
        AssessmentRules.Validate(request).ThrowIfAny("The check cannot be recorded.");
        audit.RequireStatedPurpose();

        var record = await LoadAsync(request.AssessmentId, cancellationToken);
        var now = clock.UtcNow;
        if (record.Status == AssessmentStatus.Completed)
        {
            throw RpcErrors.FailedPrecondition(record.Id, "ASSESSMENT_COMPLETED", "The assessment is completed; no more checks can be recorded on it.");
        }

        RefuseIfClosed(record);

        var lastForAgency = record.Checks.Where(c => c.Agency == request.Agency).OrderBy(c => c.CheckedAt).ThenBy(c => c.Id).LastOrDefault();
        if (lastForAgency is not null && lastForAgency.Result == request.Result && lastForAgency.InformationFound == request.InformationFound)
        {
            // A retry of the check just recorded.
            return record.ToContract(now);
        }

        record.Checks.Add(new AgencyCheckRecord
        {
            AssessmentId = record.Id,
            Agency = request.Agency,
            Result = request.Result,
            InformationFound = request.InformationFound,
            CheckedAt = now,
            RecordedBy = audit.Caller.ClientId,
            RecordedByAgency = audit.Caller.Agency,
        });
        await SaveAsync(record, cancellationToken);
        return record.ToContract(now);
    }

    public async Task<Contracts.Assessment.V1.Assessment> CompleteAsync(CompleteAssessmentRequest request, CancellationToken cancellationToken)
    {
        AssessmentRules.Validate(request).ThrowIfAny("The assessment cannot be completed.");
        audit.RequireStatedPurpose();

        var record = await LoadAsync(request.AssessmentId, cancellationToken);
        var now = clock.UtcNow;
        if (record.Status == AssessmentStatus.Completed)
        {
            return SameOutcome(record, request)
                ? record.ToContract(now)
                : throw RpcErrors.FailedPrecondition(record.Id, "ASSESSMENT_COMPLETED", "The assessment is already completed with a different outcome.");
        }

        RefuseIfClosed(record);
        if (record.Checks.Count == 0)
        {
            throw RpcErrors.FailedPrecondition(record.Id, "NO_AGENCY_CHECKS",
                "record the multi-agency checks made (RecordCheck) before completing the assessment: a conclusion must draw on the full range of information.");
        }

        var previous = await PreviousLevelAsync(record, cancellationToken);
        record.RiskLevel = request.RiskLevel;
        record.Rag = request.Rag;
        record.Rationale = request.Rationale;
        record.SignificantHarmSuspected = request.SignificantHarmSuspected;
        record.CompletedAt = now;
        record.CompletedBy = audit.Caller.ClientId;
        record.TimescaleBreached = AssessmentRules.IsBreached(record.DueAt, now);
        record.Status = AssessmentStatus.Completed;

        var basis = LawfulBases.TryParse(audit.LawfulBasis, out var stated)
            ? stated
            : throw new InvalidOperationException("The stated lawful basis was not checked.");
        outbox.ShareWithPartners(db, Topics.RiskChanges, AssessmentEvents.RiskLevelChanged(record, previous), record.ChildKey,
            record.ChildMatch == Contracts.Common.V1.ChildMatchStatus.Confirmed, basis, audit.Purpose, record.Id);
        if (record.SignificantHarmSuspected)
        {
            // Reasonable cause to suspect significant harm: a strategy discussion is now required.
            outbox.Enqueue(db, Topics.StrategyTriggers, AssessmentEvents.StrategyTriggered(StrategyTrigger.SignificantHarmSuspected, record.Id,
                $"Assessment {record.Id} concluded that significant harm is suspected: {record.Rationale}", record.Child, now, record.Area),
                record.ChildKey, basis, audit.Purpose);
        }
        await SaveAsync(record, cancellationToken);
        metrics.Concluded(record.TimescaleBreached);
        return record.ToContract(now);
    }

    private static void RefuseIfClosed(AssessmentRecord record)
    {
        if (record.Status == AssessmentStatus.Closed)
        {
            throw RpcErrors.FailedPrecondition(record.Id, "ASSESSMENT_CLOSED", $"The assessment was closed without a conclusion: {record.ClosureReason}");
        }
    }

    private static bool SameOutcome(AssessmentRecord record, CompleteAssessmentRequest request) =>
        record.RiskLevel == request.RiskLevel && record.Rag == request.Rag
        && record.Rationale == request.Rationale && record.SignificantHarmSuspected == request.SignificantHarmSuspected;

    /// <summary>The child's risk level from this node's latest earlier completed assessment.</summary>
    private async Task<RiskLevel> PreviousLevelAsync(AssessmentRecord record, CancellationToken cancellationToken) =>
        await db.Assessments.AsNoTracking()
            .Where(a => a.ChildKey == record.ChildKey && a.Id != record.Id && a.CompletedAt != null)
            .OrderByDescending(a => a.CompletedAt).ThenByDescending(a => a.Id)
            .Select(a => a.RiskLevel)
            .FirstOrDefaultAsync(cancellationToken);

    private async Task<AssessmentRecord> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var record = await db.Assessments.Include(a => a.Checks).FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw RpcErrors.NotFound("assessment", id);
        audit.Touch(record.ChildKey, record.Id);
        return record;
    }

    private async Task SaveAsync(AssessmentRecord record, CancellationToken cancellationToken)
    {
        record.Version++;
        await trail.SaveVersionedChangesWithAuditAsync(db, "assessment", cancellationToken);
    }
}
