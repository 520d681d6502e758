namespace Mash.Custody.Domain.Encompass;

/// <summary>
/// When a school is to know about an incident, in UTC: due by <see cref="DueUtc"/> (the start of the next school
/// day), and shown to the school from <see cref="VisibleFromUtc"/>, later than the incident only when
/// <see cref="Held"/> until the first day of term.
/// </summary>
public readonly record struct NotificationTiming(DateTime DueUtc, DateTime VisibleFromUtc, bool Held);
