using Mash.Contracts.Referral.V1;
using Mash.Platform.Time;

namespace Mash.Referral.Domain;

/// <summary>
/// The due times of a referral. The decision is due a set number of working days after
/// receipt; a RAG rating adds its own working-hours deadline from receipt, and the queue
/// orders by whichever deadline still open comes first. Receipt is when the contact was received.
/// </summary>
public sealed class ReferralClock(WorkingCalendar calendar, AreaTimescales timescales)
{
    public DateTime DecisionDueAt(DateTime receivedAtUtc) =>
        calendar.AddWorkingDays(receivedAtUtc, timescales.DecisionWorkingDays);

    /// <summary>The RAG's own deadline, or null for a RAG with no timescale (such as Blue).</summary>
    public DateTime? RagDueAt(DateTime receivedAtUtc, Rag rag) =>
        timescales.RagWorkingHours.TryGetValue(rag, out var hours) ? calendar.AddWorkingHours(receivedAtUtc, hours) : null;

    /// <summary>
    /// The earliest deadline still open, and which it is: the decision's, or the screening RAG's
    /// once screened with a RAG that has a timescale. (A decided referral keeps the one it had.)
    /// </summary>
    public static (DateTime DueAt, ReferralDeadline Deadline) EarliestOpen(DateTime decisionDueAt, DateTime? ragDueAt) =>
        ragDueAt is { } rag && rag < decisionDueAt ? (rag, ReferralDeadline.ScreeningRag) : (decisionDueAt, ReferralDeadline.Decision);
}
