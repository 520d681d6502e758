using Mash.Platform.Time;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Strategy.V1;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.StrategyDiscussion.Data;
using Mash.StrategyDiscussion.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mash.StrategyDiscussion.IntegrationEvents;
using Mash.Platform.Identity;

namespace Mash.StrategyDiscussion.Application;

/// <summary>
/// A discussion's course on the node that holds it: scheduled, attended, concluded with its
/// decisions and minutes (shared with the participating agencies' nodes in the same transaction),
/// then its actions completed. Repeating the same command is harmless.
/// </summary>
internal sealed class DiscussionCommands(
    StrategyDbContext db, CallAudit audit, AuditTrail trail, DiscussionSharing sharing, StrategyTimescales timescales, ServiceClock clock,
    IOptions<DateBoundsOptions> dates)
{
    public async Task<Contracts.Strategy.V1.StrategyDiscussion> ScheduleAsync(ScheduleDiscussionRequest request, CancellationToken cancellationToken)
    {
        DiscussionRules.Validate(request).ThrowIfAny("The discussion cannot be scheduled.");
        audit.RequireStatedPurpose();

        var record = await LoadOpenAsync(request.DiscussionId, "scheduled", cancellationToken);
        var scheduledFor = request.ScheduledFor.ToDateTime();
        new FieldViolations()
            .CheckWithin("scheduled_for", scheduledFor, record.RequiredAt, "the discussion became required", clock.UtcNow, dates.Value.FutureHorizon)
            .ThrowIfAny("The discussion cannot be scheduled.");
        if (record.Status == DiscussionStatus.Scheduled && record.ScheduledFor == scheduledFor && record.Format == request.Format
            && SameParticipants(record, request.Invited))
        {
            // A retry of the schedule just recorded.
            return record.ToContract(clock.UtcNow);
        }

        record.Status = DiscussionStatus.Scheduled;
        record.ScheduledFor = scheduledFor;
        record.Format = request.Format;
        ReplaceParticipants(record, request.Invited);
        sharing.Outstanding(record);
        await SaveAsync(record, cancellationToken);
        return record.ToContract(clock.UtcNow);
    }

    public async Task<Contracts.Strategy.V1.StrategyDiscussion> RecordAttendanceAsync(RecordAttendanceRequest request, CancellationToken cancellationToken)
    {
        DiscussionRules.Validate(request).ThrowIfAny("The attendance cannot be recorded.");
        audit.RequireStatedPurpose();

        var record = await LoadOpenAsync(request.DiscussionId, "attended", cancellationToken);
        if (!SameParticipants(record, request.Participants))
        {
            ReplaceParticipants(record, request.Participants);
            await SaveAsync(record, cancellationToken);
        }

        return record.ToContract(clock.UtcNow);
    }

    public async Task<Contracts.Strategy.V1.StrategyDiscussion> ConcludeAsync(ConcludeDiscussionRequest request, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        DiscussionRules.Validate(request, now).ThrowIfAny("The discussion cannot be concluded.");
        audit.RequireStatedPurpose();

        var record = await LoadAsync(request.DiscussionId, cancellationToken);
        var heldAt = DiscussionRules.HeldAt(request, now);
        DiscussionRules.CheckAgainst(request, record.RequiredAt, heldAt, dates.Value.FutureHorizon).ThrowIfAny("The discussion cannot be concluded.");
        var fingerprint = DiscussionRules.ConclusionFingerprint(request.Decisions, request.Minutes);
        if (record.Status == DiscussionStatus.Concluded)
        {
            return record.ConclusionHash == fingerprint && (request.HeldAt is null || record.HeldAt == heldAt)
                ? record.ToContract(now)
                : throw RpcErrors.FailedPrecondition(record.Id, "DISCUSSION_CONCLUDED",
                    "The discussion is already concluded with other decisions or minutes; require a follow-up discussion (RequireDiscussion with follows_discussion_id).");
        }

        var missing = Representation.Missing(record.Participants.Select(DiscussionMapper.ToContract));
        if (missing.Count > 0)
        {
            throw RpcErrors.FailedPrecondition(record.Id, "AGENCIES_NOT_REPRESENTED", Representation.NotRepresentedMessage(missing));
        }

        var decisions = request.Decisions;
        record.Status = DiscussionStatus.Concluded;
        // Held after its due time: still concluded, and the late holding stays visible as held_at > due_at.
        record.HeldAt = heldAt;
        record.Decisions = DiscussionMapper.DecisionsWithoutActions(decisions);
        for (var i = 0; i < decisions.Actions.Count; i++)
        {
            var actionId = RecordIds.New("act_", clock.Now);
            record.Actions.Add(DiscussionMapper.ToRecord(record.Id, i, actionId, decisions.Actions[i]));
        }

        record.MinutesText = request.Minutes.Text;
        record.MinutesDocumentReference = request.Minutes.DocumentReference;
        record.ConferenceDueAt = decisions.S47Enquiry ? timescales.ConferenceDueAt(record.Area, heldAt) : null;
        record.ConcludedBy = audit.Caller.ClientId;
        record.ConclusionHash = fingerprint;

        // Its record and minutes reach every participating agency's node, under the call's lawful basis.
        sharing.Concluded(record);
        await SaveAsync(record, cancellationToken);
        return record.ToContract(now);
    }

    public async Task<Contracts.Strategy.V1.StrategyDiscussion> CompleteActionAsync(CompleteActionRequest request, CancellationToken cancellationToken)
    {
        DiscussionRules.Validate(request).ThrowIfAny("The action cannot be completed.");
        audit.RequireStatedPurpose();

        var record = await LoadAsync(request.DiscussionId, cancellationToken);
        var action = record.Actions.FirstOrDefault(a => a.Id == request.ActionId)
            ?? throw RpcErrors.NotFound("safeguarding action", request.ActionId);
        if (action.CompletedAt is null)
        {
            action.CompletedAt = clock.UtcNow;
            action.CompletedBy = audit.Caller.ClientId;
            await SaveAsync(record, cancellationToken);
        }

        return record.ToContract(clock.UtcNow);
    }

    private static bool SameParticipants(DiscussionRecord record, IEnumerable<Participant> participants) =>
        record.Participants.OrderBy(p => p.Ordinal).Select(DiscussionMapper.ToContract)
            .SequenceEqual(DiscussionMapper.ToRecords(record.Id, participants).Select(DiscussionMapper.ToContract));

    private static void ReplaceParticipants(DiscussionRecord record, IEnumerable<Participant> participants)
    {
        record.Participants.Clear();
        record.Participants.AddRange(DiscussionMapper.ToRecords(record.Id, participants));
    }

    /// <summary>A discussion this node holds and has not concluded.</summary>
    private async Task<DiscussionRecord> LoadOpenAsync(string id, string verb, CancellationToken cancellationToken)
    {
        var record = await LoadAsync(id, cancellationToken);
        return DiscussionMapper.IsOpen(record)
            ? record
            : throw RpcErrors.FailedPrecondition(record.Id, "DISCUSSION_CONCLUDED",
                $"The discussion is concluded and can no longer be {verb}; require a follow-up discussion if another is needed.");
    }

    /// <summary>A discussion this node holds: one a partner shared is that partner's record, read-only here.</summary>
    private async Task<DiscussionRecord> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var record = await db.DiscussionsWithParts
            .FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw RpcErrors.NotFound("strategy discussion", id);
        audit.Touch(record.ChildKey, record.Id);
        return record.Received
            ? throw RpcErrors.FailedPrecondition(record.Id, "HELD_BY_PARTNER",
                $"The discussion was held by partner node '{record.HeldByNode}' and shared with this node; only that node can change it.")
            : record;
    }

    private async Task SaveAsync(DiscussionRecord record, CancellationToken cancellationToken)
    {
        record.Version++;
        await trail.SaveVersionedChangesWithAuditAsync(db, "discussion", cancellationToken);
    }
}
