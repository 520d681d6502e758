using Google.Protobuf;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Encompass.V1;
using Mash.Contracts.Events.V1;
using Mash.Custody.Application;
using Mash.Custody.Application.Encompass;
using Mash.Custody.Data;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Time;

namespace Mash.Custody.IntegrationEvents.Encompass;

/// <summary>
/// What Operation Encompass sends between a police node and its area's local authority node, each
/// addressed to the one node that must act, in the transaction of the change it reports; each send
/// is entered in the disclosure log, and none goes without an agreement in force (the record then says why).
/// The local authority's disclosures to a school, and its decisions not to disclose, are logged too.
/// </summary>
internal sealed class EncompassEvents(EventOutbox outbox, CustodyRules rules)
{
    public const string NotificationPurpose = "Operation Encompass: tell the child's school of a domestic abuse incident before the next school day";
    public const string UpdatePurpose = "Operation Encompass: whether the child's school was told and acknowledged";
    public const string SchoolPurpose = "Operation Encompass: the child's key adult at school, to support the child";
    private static readonly string What = DomesticAbuseNotified.Descriptor.FullName;

    /// <summary>At the police node: one child's notification to the area's local authority node; one that cannot go says why.</summary>
    public void Notify(CustodyDbContext db, IncidentRecord incident, ChildNotificationRecord notification)
    {
        var localAuthority = rules.For(incident.Area).LocalAuthorityNode;
        notification.LocalAuthorityNode = localAuthority;
        if (localAuthority.Length == 0)
        {
            notification.State = NotificationState.NotSent;
            notification.NotSentReason = $"No local authority node is configured for area '{incident.Area}' (Mash:Custody:Areas:{incident.Area}:LocalAuthorityNode).";
            return;
        }

        var payload = new DomesticAbuseNotified
        {
            NotificationId = notification.Id,
            IncidentId = incident.Id,
            Area = incident.Area,
            Child = ChildIdentity.Parser.ParseFrom(notification.Child),
            Present = notification.Present,
            SawOrHeard = notification.SawOrHeard,
            OccurredAt = Timestamps.Of(incident.OccurredAt),
            Location = incident.Location,
            Summary = incident.Summary,
            Household = incident.Household,
            PoliceReference = incident.PoliceReference,
            RecordedAt = Timestamps.Of(incident.RecordedAt),
            RecordedBy = incident.RecordedBy,
        };
        var sent = outbox.SendToNode(db, Topics.EncompassNotifications, payload, notification.ChildKey, localAuthority, LawfulBasis.PublicTask, NotificationPurpose, notification.Id);
        notification.State = sent ? NotificationState.Sent : NotificationState.NotSent;
        notification.NotSentReason = sent ? "" : $"No information-sharing agreement in force with node {localAuthority} for domestic abuse notifications.";
    }

    /// <summary>At the local authority node: where the notification stands now, for the police node that sent it.</summary>
    public void SendUpdate(CustodyDbContext db, SchoolNotificationRecord notification, DateTime nowUtc)
    {
        var update = new SchoolNotificationUpdated
        {
            NotificationId = notification.Id,
            State = notification.Facts().StateAt(nowUtc),
            Notice = notification.Notice(nowUtc),
            Version = notification.Version,
        };
        outbox.SendToNode(db, Topics.EncompassUpdates, update, notification.ChildKey, notification.PoliceNode, LawfulBasis.PublicTask, UpdatePurpose, notification.Id);
    }

    /// <summary>At the local authority node: the notification goes to the school's list (the school is not a node: its list is the disclosure).</summary>
    public void RecordSharedWithSchool(CustodyDbContext db, SchoolNotificationRecord notification) =>
        outbox.RecordDirectDisclosure(db, What, notification.ChildKey, LawfulBasis.PublicTask, SchoolPurpose,
            $"school URN {notification.SchoolUrn} ({notification.SchoolName})", shared: true,
            $"Put in the list of the child's school, URN {notification.SchoolUrn}, for its key adult.", notification.Id);

    /// <summary>At the local authority node: no school found, so nothing is shared; the decision and its reason are kept.</summary>
    public void RecordNoSchool(CustodyDbContext db, SchoolNotificationRecord notification) =>
        outbox.RecordDirectDisclosure(db, What, notification.ChildKey, LawfulBasis.PublicTask, SchoolPurpose,
            "the child's school (none found)", shared: false, "No school found: " + notification.NoSchoolReason, notification.Id);
}
