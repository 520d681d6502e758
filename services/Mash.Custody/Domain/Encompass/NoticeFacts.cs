using Mash.Contracts.Encompass.V1;

namespace Mash.Custody.Domain.Encompass;

/// <summary>
/// Where a notification stands at the local authority node, from what happened to it: the clock
/// (due, visible to the school from), the school found or not, and the school's acknowledgement.
/// </summary>
public sealed record NoticeFacts(
    DateTime DueAt, DateTime VisibleFrom, DateTime? SchoolFoundAt, DateTime? NoSchoolAt, DateTime? AcknowledgedAt)
{
    /// <summary>Closed: acknowledged by the school, or no school found (nothing more to be done for it here).</summary>
    public bool Closed => AcknowledgedAt is not null || NoSchoolAt is not null;

    /// <summary>When it reached the school's list: the school found, and (held until term) the school allowed to see it.</summary>
    public DateTime? DeliveredAt => SchoolFoundAt is { } found ? (found > VisibleFrom ? found : VisibleFrom) : null;

    /// <summary>When it reached the school's list, if it has by <paramref name="nowUtc"/> (a held one reaches it on the first day of term).</summary>
    public DateTime? DeliveredBy(DateTime nowUtc) => DeliveredAt is { } delivered && delivered <= nowUtc ? delivered : null;

    public bool DeliveredOnTime => DeliveredAt is { } delivered && delivered <= DueAt;

    /// <summary>Past due with nobody at the school having acknowledged it: the local authority must chase it.</summary>
    public bool OverdueAt(DateTime nowUtc) => !Closed && nowUtc > DueAt;

    /// <summary>Whether the school may see it now.</summary>
    public bool VisibleToSchoolAt(DateTime nowUtc) => SchoolFoundAt is not null && NoSchoolAt is null && nowUtc >= VisibleFrom;

    public NotificationState StateAt(DateTime nowUtc) => this switch
    {
        { AcknowledgedAt: not null } => NotificationState.Acknowledged,
        { NoSchoolAt: not null } => NotificationState.NoSchoolFound,
        { SchoolFoundAt: null } => NotificationState.AwaitingSchool,
        _ when nowUtc < VisibleFrom => NotificationState.HeldUntilTerm,
        _ => NotificationState.WithSchool,
    };
}
