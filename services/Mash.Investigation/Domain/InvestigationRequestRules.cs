using Mash.Contracts.Investigation.V1;
using Mash.Platform.Errors;
using Mash.Platform.Idempotency;
using Mash.Platform.Identity;
using Mash.Platform.Time;

namespace Mash.Investigation.Domain;

/// <summary>
/// The limits of every field, checked before any work (documented in docs/request-limits.md), and the times'
/// order: a time happened (not in the future) and follows what it depends on. Each answers the valid UTC times.
/// </summary>
public static class InvestigationRequestRules
{
    public const int MaxChildren = 10;
    public const int MaxSummary = 2_000;
    public const int MaxName = 100;
    public const int MaxDescription = 500;
    public const int MaxNote = 1_000;
    public const int MaxReviewed = 2_000;
    public const int MaxItems = 20;
    public const int MaxItem = 500;
    public const int MaxFindings = 5_000;

    public static DateTime CheckOpen(OpenInvestigationRequest request, DateTime nowUtc, DateOnly today)
    {
        var v = new FieldViolations().CheckIdempotencyKey(request.IdempotencyKey, "open the investigation twice");
        v.Require(request.Children.Count is > 0 and <= MaxChildren, "children", $"Name one to {MaxChildren} children.");
        for (var i = 0; i < Math.Min(request.Children.Count, MaxChildren); i++)
        {
            ChildIdentityRules.Validate(v, $"children[{i}]", request.Children[i], today);
        }

        v.CheckKnown("source.kind", request.Source?.Kind ?? SourceKind.Unspecified, "Say what started it: a referral, a strategy discussion, a CSE flag or an offender.")
            .CheckId("source.id", request.Source?.Id ?? "", "source record")
            .CheckText("summary", request.Summary, MaxSummary, "Say what is alleged.")
            .CheckOptionalText("area", request.Area, MaxName);
        var opened = v.CheckHappened("opened_at", request.OpenedAt, nowUtc, "Give the time the force knew.");
        v.ThrowIfAny("The investigation cannot be opened.");
        return opened!.Value;
    }

    public static DateTime CheckAllocate(AllocateInvestigationRequest request, DateTime nowUtc)
    {
        var v = Target(request.InvestigationId, request.IdempotencyKey, "allocate twice")
            .CheckText("team", request.Team, MaxName, "Name the team.")
            .CheckText("officer", request.Officer, MaxName, "Name the officer.");
        return Done(v, v.CheckHappened("allocated_at", request.AllocatedAt, nowUtc, "Give the time."), "The investigation cannot be allocated.");
    }

    public static (DateTime PlannedAt, DateTime TargetAt) CheckPlan(PlanStepRequest request, DateTime nowUtc)
    {
        var v = Target(request.InvestigationId, request.IdempotencyKey, "plan the step twice")
            .CheckKnown("kind", request.Kind, "Name the step: ABE interview, medical, device seizure or examination, suspect interview, safeguarding measures, other.")
            .CheckOptionalText("description", request.Description, MaxDescription);
        v.Require(request.Kind != StepKind.Other || !string.IsNullOrWhiteSpace(request.Description), "description", "Describe a step of another kind.");
        var planned = v.CheckHappened("planned_at", request.PlannedAt, nowUtc, "Give the time it was planned.");
        var target = v.CheckGiven("target_at", request.TargetAt, "Give the target.");
        v.CheckNotBefore("target_at", target, planned, "the time it was planned").ThrowIfAny("The step cannot be planned.");
        return (planned!.Value, target!.Value);
    }

    public static DateTime CheckComplete(CompleteStepRequest request, DateTime nowUtc)
    {
        var v = Target(request.InvestigationId, request.IdempotencyKey, "complete the step twice")
            .CheckId("step_id", request.StepId, "step")
            .CheckOptionalText("note", request.Note, MaxNote);
        return Done(v, v.CheckHappened("completed_at", request.CompletedAt, nowUtc, "Give the time it was done."), "The step cannot be completed.");
    }

    /// <summary>The interval's limit is the investigation's area's, checked once it is read.</summary>
    public static (DateTime ReviewedAt, DateTime NextDue) CheckReview(RecordSupervisoryReviewRequest request, DateTime nowUtc)
    {
        var v = Target(request.InvestigationId, request.IdempotencyKey, "record the review twice")
            .CheckText("supervisor", request.Supervisor, MaxName, "Name the supervisor.")
            .CheckText("reviewed", request.Reviewed, MaxReviewed, "Say what was reviewed: the evidence, the plan's progress.");
        CheckItems(v, "further_enquiries", request.FurtherEnquiries);
        var reviewed = v.CheckHappened("reviewed_at", request.ReviewedAt, nowUtc, "Give the time.");
        var next = v.CheckGiven("next_review_due", request.NextReviewDue, "Set the next review.");
        v.Require(next is null || reviewed is null || next > reviewed, "next_review_due", "The next review follows this one.").ThrowIfAny("The review cannot be recorded.");
        return (reviewed!.Value, next!.Value);
    }

    public static DateTime CheckClose(CloseInvestigationRequest request, DateTime nowUtc)
    {
        var v = Target(request.InvestigationId, request.IdempotencyKey, "close twice")
            .CheckKnown("outcome", request.Outcome, "Give the outcome: charged, out-of-court disposal, no further action, transferred.")
            .CheckText("reason", request.Reason, MaxNote, "Give the reason.");
        return Done(v, v.CheckHappened("closed_at", request.ClosedAt, nowUtc, "Give the time."), "The investigation cannot be closed.");
    }

    public static DateTime CheckDevice(RecordDeviceSeizedRequest request, DateTime nowUtc)
    {
        var v = Target(request.InvestigationId, request.IdempotencyKey, "record the device twice")
            .CheckKnown("type", request.Type, "Name the device type.")
            .CheckKnown("owner", request.Owner, "Say whose device it is: victim, suspect, witness, other.")
            .CheckKnown("priority", request.Priority, "Give the examination priority.")
            .CheckOptionalText("exhibit_reference", request.ExhibitReference, MaxName);
        return Done(v, v.CheckHappened("seized_at", request.SeizedAt, nowUtc, "Give the time it was seized."), "The device cannot be recorded.");
    }

    public static DateTime CheckProgress(RecordDeviceProgressRequest request, DateTime nowUtc)
    {
        var v = new FieldViolations().CheckId("device_id", request.DeviceId, "device").CheckIdempotencyKey(request.IdempotencyKey, "record the stage twice");
        v.Require(request.Stage is DeviceStage.Submitted or DeviceStage.ExaminationStarted or DeviceStage.Examined, "stage",
            "Name the stage: submitted, examination started or examined.");
        v.Require(Enum.IsDefined(request.Priority), "priority", "Not a known priority.");
        return Done(v, v.CheckHappened("at", request.At, nowUtc, "Give the time."), "The device's progress cannot be recorded.");
    }

    public static DateTime CheckSend(SendToProsecutorRequest request, DateTime nowUtc)
    {
        var v = Target(request.InvestigationId, request.IdempotencyKey, "send the file twice")
            .CheckKnown("category", request.Category, "Say what is asked: early advice, the full code test or the threshold test.")
            .CheckOptionalText("suspect_reference", request.SuspectReference, MaxName);
        return Done(v, v.CheckHappened("sent_at", request.SentAt, nowUtc, "Give the time it was sent."), "The file cannot be recorded.");
    }

    public static DateTime CheckResponse(RecordProsecutorResponseRequest request, DateTime nowUtc)
    {
        var v = new FieldViolations().CheckId("file_id", request.FileId, "charging file").CheckIdempotencyKey(request.IdempotencyKey, "record the response twice")
            .CheckOptionalText("further_work", request.FurtherWork, MaxReviewed);
        v.Require(Enum.IsDefined(request.Decision), "decision", "Not a known decision.");
        v.Require((request.Decision != ChargingDecision.Unspecified) != !string.IsNullOrWhiteSpace(request.FurtherWork), "decision",
            "Give either the further work asked for or the decision.");
        return Done(v, v.CheckHappened("at", request.At, nowUtc, "Give the time."), "The response cannot be recorded.");
    }

    public static DateTime CheckAudit(RecordCaseAuditRequest request, DateTime nowUtc, IReadOnlyList<string> criteria)
    {
        var v = Target(request.InvestigationId, request.IdempotencyKey, "record the audit twice")
            .CheckText("auditor", request.Auditor, MaxName, "Name the auditor.")
            .CheckKnown("grade", request.Grade, "Grade the case: good, requires improvement or inadequate.")
            .CheckOptionalText("findings", request.Findings, MaxFindings);
        CheckItems(v, "actions", request.Actions);
        v.Require(request.Criteria.Count <= criteria.Count, "criteria", $"At most {criteria.Count}: one per criterion.");
        var named = request.Criteria.Take(criteria.Count).Select(c => c.Criterion).ToList();
        var unknown = named.Where(c => !criteria.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        var missing = criteria.Where(c => !named.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        v.Require(unknown.Count == 0, "criteria", "Not criteria of this area: " + string.Join("; ", unknown.Select(Short)) + ".")
            .Require(unknown.Count > 0 || missing.Count == 0, "criteria", "Answer every criterion once; missing: " + string.Join("; ", missing) + ".")
            .Require(request.Criteria.All(c => c.Note.Length <= MaxNote), "criteria", $"Each note at most {MaxNote} characters.");
        return Done(v, v.CheckHappened("audited_at", request.AuditedAt, nowUtc, "Give the time."), "The audit cannot be recorded.");
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private static void CheckItems(FieldViolations v, string field, Google.Protobuf.Collections.RepeatedField<string> items) =>
        v.Require(items.Count <= MaxItems, field, $"At most {MaxItems}.")
            .Require(items.All(i => i.Length <= MaxItem), field, $"Each at most {MaxItem} characters.");

    private static FieldViolations Target(string investigationId, string key, string consequence) =>
        new FieldViolations().CheckId("investigation_id", investigationId, "investigation").CheckIdempotencyKey(key, consequence);

    private static DateTime Done(FieldViolations v, DateTime? at, string message)
    {
        v.ThrowIfAny(message);
        return at!.Value;
    }
}
