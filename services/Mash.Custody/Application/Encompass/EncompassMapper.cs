using Mash.Contracts.Common.V1;
using Mash.Contracts.Encompass.V1;
using Mash.Custody.Data;
using Mash.Custody.Domain.Encompass;
using Mash.Platform.Time;

namespace Mash.Custody.Application.Encompass;

/// <summary>Operation Encompass records as the contract shows them, with the clock read now.</summary>
internal static class EncompassMapper
{
    public static NoticeFacts Facts(this SchoolNotificationRecord record) =>
        new(record.DueAt, record.VisibleFrom, record.SchoolFoundAt, record.NoSchoolAt, record.AcknowledgedAt);

    public static SchoolNotice Notice(this SchoolNotificationRecord record, DateTime nowUtc)
    {
        var facts = record.Facts();
        var notice = new SchoolNotice
        {
            DueAt = Timestamps.Of(record.DueAt),
            VisibleToSchoolFrom = Timestamps.Of(record.VisibleFrom),
            DeliveredAt = Timestamps.Of(facts.DeliveredBy(nowUtc)),
            DeliveredOnTime = facts.DeliveredBy(nowUtc) is not null && facts.DeliveredOnTime,
            NoSchoolReason = record.NoSchoolReason,
            Overdue = facts.OverdueAt(nowUtc),
            UpdatedAt = Timestamps.Of(record.UpdatedAt),
        };
        if (record.SchoolUrn.Length > 0)
        {
            notice.School = new School { Urn = record.SchoolUrn, Name = record.SchoolName };
        }

        if (record.AcknowledgedAt is { } acknowledged)
        {
            notice.Acknowledgement = new Acknowledgement
            {
                AcknowledgedBy = record.AcknowledgedBy,
                AcknowledgedAt = Timestamps.Of(acknowledged),
                SupportPlanned = record.SupportPlanned,
            };
        }

        return notice;
    }

    public static Notification ToContract(this SchoolNotificationRecord record, DateTime nowUtc) => new()
    {
        NotificationId = record.Id,
        IncidentId = record.IncidentId,
        PoliceNode = record.PoliceNode,
        Area = record.Area,
        Child = ChildIdentity.Parser.ParseFrom(record.Child),
        Present = record.Present,
        SawOrHeard = record.SawOrHeard,
        OccurredAt = Timestamps.Of(record.OccurredAt),
        Location = record.Location,
        Summary = record.Summary,
        Household = record.Household,
        PoliceReference = record.PoliceReference,
        ReceivedAt = Timestamps.Of(record.ReceivedAt),
        State = record.Facts().StateAt(nowUtc),
        Notice = record.Notice(nowUtc),
    };

    public static Incident ToContract(this IncidentRecord record, DateTime nowUtc)
    {
        var incident = new Incident
        {
            IncidentId = record.Id,
            Area = record.Area,
            OccurredAt = Timestamps.Of(record.OccurredAt),
            Location = record.Location,
            Summary = record.Summary,
            Household = record.Household,
            PoliceReference = record.PoliceReference,
            RecordedAt = Timestamps.Of(record.RecordedAt),
            RecordedBy = record.RecordedBy,
        };
        incident.Notifications.AddRange(record.Notifications.OrderBy(n => n.Id, StringComparer.Ordinal).Select(n => n.ToContract(nowUtc)));
        return incident;
    }

    private static ChildNotification ToContract(this ChildNotificationRecord record, DateTime nowUtc)
    {
        var notification = new ChildNotification
        {
            NotificationId = record.Id,
            Child = ChildIdentity.Parser.ParseFrom(record.Child),
            Present = record.Present,
            SawOrHeard = record.SawOrHeard,
            State = record.State,
            NotSentReason = record.NotSentReason,
            LocalAuthorityNode = record.LocalAuthorityNode,
        };
        if (record.Notice.Length > 0)
        {
            // Reported as it stood then; held or with the school, past due or not, is a matter of now.
            var notice = notification.Notice = SchoolNotice.Parser.ParseFrom(record.Notice);
            var facts = FactsOf(notice, record.State);
            notification.State = facts.StateAt(nowUtc);
            notice.Overdue = facts.OverdueAt(nowUtc);
        }

        return notification;
    }

    /// <summary>
    /// What the police node can tell from the local authority's last report: enough for the same rules to say where
    /// the notification stands now (the report's own time stands in for when the school was found or none was).
    /// </summary>
    private static NoticeFacts FactsOf(SchoolNotice notice, NotificationState reported) => new(
        notice.DueAt.ToDateTime(),
        notice.VisibleToSchoolFrom.ToDateTime(),
        notice.School is null ? null : (notice.DeliveredAt ?? notice.UpdatedAt).ToDateTime(),
        reported == NotificationState.NoSchoolFound ? notice.UpdatedAt.ToDateTime() : null,
        notice.Acknowledgement?.AcknowledgedAt?.ToDateTime());

    public static Enrolment ToContract(this EnrolmentRecord record, IEnumerable<string> notificationsSent)
    {
        var enrolment = new Enrolment
        {
            Child = ChildIdentity.Parser.ParseFrom(record.Child),
            School = new School { Urn = record.SchoolUrn, Name = record.SchoolName },
            Since = Dates.ToContract(record.Since),
            RecordedAt = Timestamps.Of(record.RecordedAt),
            RecordedBy = record.RecordedBy,
        };
        enrolment.NotificationsSent.AddRange(notificationsSent);
        return enrolment;
    }
}
