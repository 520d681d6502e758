using Mash.Contracts.Offender.V1;
using Mash.Offender.Data;
using Mash.Offender.Domain;
using Mash.Offender.IntegrationEvents;

namespace Mash.Offender.Application;

/// <summary>Keeps an offender's stored due dates in step with its risk, area, visits and notifications.</summary>
internal static class Schedules
{
    /// <summary>The visit interval for the offender's risk in their area, and the next visit due.</summary>
    public static void Reschedule(this OffenderRecord record, VisitSchedules visits)
    {
        record.VisitIntervalWeeks = visits.IntervalWeeks(record.Area, record.Risk, record.MappaCategory);
        record.NextVisitDueBy = VisitSchedules.NextDueBy(record.VisitIntervalWeeks, record.RegisteredOn, record.LastSeenOn);
    }

    /// <summary>The yearly re-confirmation, due a year after the latest notification.</summary>
    public static void NotifiedOn(this OffenderRecord record, DateOnly notifiedOn)
    {
        record.LastNotifiedOn = notifiedOn > record.LastNotifiedOn ? notifiedOn : record.LastNotifiedOn;
        record.ReconfirmationDueBy = NotificationRules.NextReconfirmationDueBy(record.NotificationApplies, record.NotificationEndsOn, record.LastNotifiedOn);
    }
}
