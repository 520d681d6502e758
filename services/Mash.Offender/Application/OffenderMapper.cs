using Mash.Platform.Time;
using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Offender.V1;
using Mash.Offender.Data;
using Mash.Offender.Domain;
using Mash.Offender.IntegrationEvents;

namespace Mash.Offender.Application;

/// <summary>Stored records to contract messages, in the view the caller may see.</summary>
internal static class OffenderMapper
{
    public static Contracts.Offender.V1.Offender ToContract(this OffenderRecord record, OffenderView view, DateOnly today)
    {
        var offender = new Contracts.Offender.V1.Offender
        {
            OffenderId = record.Id,
            View = view,
            GivenName = record.GivenName,
            FamilyName = record.FamilyName,
            DateOfBirth = Dates.ToContract(record.DateOfBirth),
            MappaCategory = record.MappaCategory,
            MappaLevel = record.MappaLevel,
            Risk = record.Risk,
            Area = record.Area,
            ManagingOfficer = record.ManagingOfficer,
            HasActiveMeasures = record.Measures.Any(m => MeasureRules.IsActive(m.StartsOn, m.ExpiresOn, today)),
            LinkedChildrenCount = record.Links.Count,
            Version = record.Version,
        };
        // The summary view stops here: nothing restricted is ever put in its message.
        if (view == OffenderView.Full)
        {
            offender.Details = Details(record, today);
        }

        return offender;
    }

    public static OffenderRef ToRef(this OffenderRecord record) => new()
    {
        OffenderId = record.Id,
        GivenName = record.GivenName,
        FamilyName = record.FamilyName,
        Risk = record.Risk,
        Area = record.Area,
        ManagingOfficer = record.ManagingOfficer,
    };

    public static PreventativeMeasure ToContract(this MeasureRecord m, DateOnly today) => new()
    {
        MeasureId = m.Id,
        OffenderId = m.OffenderId,
        Type = m.Type,
        StartsOn = Dates.ToContract(m.StartsOn),
        ExpiresOn = Dates.ToContract(m.ExpiresOn),
        Conditions = m.Conditions,
        Reference = m.Reference,
        ProtectedChildren = { m.ProtectedChildren.OrderBy(c => c.Ordinal).Select(c => new ProtectedChild
        {
            Child = ChildIdentity.Parser.ParseFrom(c.Child),
            InLocalAuthorityCare = c.InLocalAuthorityCare,
            ChildMatch = c.ChildMatch,
        }) },
        Breaches = { m.Breaches.OrderBy(b => b.OccurredOn).ThenBy(b => b.Id, StringComparer.Ordinal).Select(b => new MeasureBreach
        {
            BreachId = b.Id,
            OccurredOn = Dates.ToContract(b.OccurredOn),
            Details = b.Details,
            RecordedAt = At(b.RecordedAt),
            RecordedBy = b.RecordedBy,
        }) },
        Active = MeasureRules.IsActive(m.StartsOn, m.ExpiresOn, today),
        RecordedAt = At(m.RecordedAt),
        RecordedBy = m.RecordedBy,
    };

    private static OffenderDetails Details(OffenderRecord record, DateOnly today) => new()
    {
        PncId = record.PncId,
        Address = Address.Parser.ParseFrom(record.Address),
        RegisteredOn = Dates.ToContract(record.RegisteredOn),
        RiskRationale = record.RiskRationale,
        NotificationRequirements = new NotificationRequirements { Applies = record.NotificationApplies, EndsOn = Dates.ToContract(record.NotificationEndsOn) },
        NotificationStatus = new NotificationStatus
        {
            LastNotifiedOn = Dates.ToContract(record.LastNotifiedOn),
            ReconfirmationDueBy = Dates.ToContract(record.ReconfirmationDueBy),
            ReconfirmationOverdue = NotificationRules.IsOverdue(record.ReconfirmationDueBy, today),
        },
        Notifications = { record.Notifications.OrderBy(n => n.RecordedAt).ThenBy(n => n.Id, StringComparer.Ordinal).Select(ToContract) },
        VisitSchedule = new VisitSchedule
        {
            IntervalWeeks = record.VisitIntervalWeeks,
            Reactive = record.VisitIntervalWeeks == 0,
            LastSeenOn = Dates.ToContract(record.LastSeenOn),
            NextDueBy = Dates.ToContract(record.NextVisitDueBy),
            Overdue = VisitSchedules.IsOverdue(record.NextVisitDueBy, today),
        },
        Visits = { record.Visits.OrderBy(v => v.VisitedOn).ThenBy(v => v.Id, StringComparer.Ordinal).Select(ToContract) },
        Measures = { record.Measures.OrderBy(m => m.StartsOn).ThenBy(m => m.Id, StringComparer.Ordinal).Select(m => m.ToContract(today)) },
        LinkedChildren = { record.Links.OrderBy(l => l.LinkedAt).ThenBy(l => l.Id, StringComparer.Ordinal).Select(ToContract) },
        RiskHistory = { record.RiskChanges.OrderBy(r => r.ChangedAt).ThenBy(r => r.Id).Select(ToContract) },
        RegisteredAt = At(record.RegisteredAt),
        RegisteredBy = record.RegisteredBy,
    };

    private static Notification ToContract(NotificationRecord n) => new()
    {
        NotificationId = n.Id,
        Kind = n.Kind,
        ChangeOccurredOn = Dates.ToContract(n.ChangeOccurredOn),
        NotifiedOn = Dates.ToContract(n.NotifiedOn),
        DueBy = Dates.ToContract(n.DueBy),
        Breach = n.Breach,
        Details = n.Details,
        RecordedAt = At(n.RecordedAt),
        RecordedBy = n.RecordedBy,
    };

    private static Visit ToContract(VisitRecord v) => new()
    {
        VisitId = v.Id,
        VisitedOn = Dates.ToContract(v.VisitedOn),
        Officer = v.Officer,
        Outcome = v.Outcome,
        Notes = v.Notes,
        RecordedAt = At(v.RecordedAt),
        RecordedBy = v.RecordedBy,
    };

    private static ChildLink ToContract(ChildLinkRecord l) => new()
    {
        LinkId = l.Id,
        Child = ChildIdentity.Parser.ParseFrom(l.Child),
        ChildMatch = l.ChildMatch,
        Relationship = l.Relationship,
        Details = l.Details,
        LinkedAt = At(l.LinkedAt),
        LinkedBy = l.LinkedBy,
    };

    private static RiskChange ToContract(RiskChangeRecord r) => new()
    {
        PreviousRisk = r.PreviousRisk,
        Risk = r.Risk,
        PreviousMappaLevel = r.PreviousMappaLevel,
        MappaLevel = r.MappaLevel,
        Rationale = r.Rationale,
        ChangedAt = At(r.ChangedAt),
        ChangedBy = r.ChangedBy,
        InternalNote = r.InternalNote,
    };

    private static Timestamp At(DateTime utc) => Timestamp.FromDateTime(utc);
}
