using Mash.Contracts.Referral.V1;
using Mash.Platform.Time;

namespace Mash.Referral.Domain;

/// <summary>
/// The due times of a referral. The decision is due a set number of working days after
/// receipt; a RAG rating adds its own working-hours deadline from receipt, and the queue
/// orders by whichever deadline comes first.
/// </summary>
public sealed class ReferralClock(WorkingCalendar calendar, AreaTimescales timescales)
{
    public DateTime DecisionDueAt(DateTime receivedAtUtc) =>
        calendar.AddWorkingDays(receivedAtUtc, timescales.DecisionWorkingDays);

    /// <summary>The RAG's own deadline, or null for a RAG with no timescale (such as Blue).</summary>
    public DateTime? RagDueAt(DateTime receivedAtUtc, Rag rag) =>
        timescales.RagWorkingHours.TryGetValue(rag, out var hours) ? calendar.AddWorkingHours(receivedAtUtc, hours) : null;

    public static DateTime EarliestDue(DateTime decisionDueAt, DateTime? ragDueAt) =>
        ragDueAt is { } rag && rag < decisionDueAt ? rag : decisionDueAt;
}
