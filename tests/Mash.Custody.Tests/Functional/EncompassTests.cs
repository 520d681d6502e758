using Grpc.Core;
using Mash.Contracts.Encompass.V1;
using Mash.Contracts.Events.V1;
using Mash.Custody.Tests.Support;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Outbox;
using Mash.Testing.Postgres;
using Microsoft.EntityFrameworkCore;
using static Mash.Custody.Tests.Support.EncompassCalls;

namespace Mash.Custody.Tests.Functional;

/// <summary>Operation Encompass between a police node and its local authority node, both on SQLite.</summary>
public sealed class EncompassTests() : EncompassScenarios(new CustodyApp(), new LocalAuthorityApp(), postgreSql: false);

/// <summary>The same, both nodes on PostgreSQL.</summary>
public sealed class EncompassPostgreSqlTests() : EncompassScenarios(new CustodyPostgreSqlApp(), new LocalAuthorityPostgreSqlApp(), postgreSql: true);

/// <summary>
/// Domestic abuse notifications to schools: recorded at a police node, carried to the local authority
/// node through each node's real consumer, found a school there, read and acknowledged by the school,
/// and what the school did back at police. The clock starts on Monday 23 November 2026, 10:00 GMT.
/// </summary>
public abstract class EncompassScenarios(CustodyApp police, LocalAuthorityApp localAuthority, bool postgreSql) : IDisposable
{
    private static readonly DateTime MondayNine = CustodyApp.Start.UtcDateTime.AddHours(-1);
    private static readonly DateTime TuesdayBeforeSchool = new(2026, 11, 24, 8, 45, 0, DateTimeKind.Utc);

    private static readonly Contracts.Common.V1.ChildIdentity Amy = CustodyApp.Child("Amy", new DateOnly(2017, 5, 2), "9434765919");
    private static readonly Contracts.Common.V1.ChildIdentity Ben = CustodyApp.Child("Ben", new DateOnly(2019, 8, 14), "9434765927");

    [SkippableFact]
    public async Task An_incident_at_police_reaches_the_enrolled_childs_school_the_other_waits_for_the_team_and_both_schools_work_come_back_to_police()
    {
        RequireDatabase();
        await localAuthority.EnrolAsync(Amy, OakfieldUrn, "Oakfield Primary School");
        var request = Incident(MondayNine, Affected(Amy), Affected(Ben, present: false));

        var incident = await police.Encompass().RecordIncidentAsync(request, police.AsOfficer());
        Assert.All(incident.Notifications, n => Assert.Equal((NotificationState.Sent, LocalAuthorityApp.NodeId), (n.State, n.LocalAuthorityNode)));
        var again = await police.Encompass().RecordIncidentAsync(request, police.AsOfficer());
        Assert.Equal(incident.IncidentId, again.IncidentId);
        await DeliverNotificationsAsync(2);
        Assert.Equal(2, police.SentOn(Topics.EncompassNotifications).Count);

        var atOakfield = Assert.Single(await localAuthority.SchoolListAsync(OakfieldUrn));
        Assert.Equal(("Amy", NotificationState.WithSchool, TuesdayBeforeSchool, "DA/26/118842"),
            (atOakfield.Child.GivenName, atOakfield.State, atOakfield.Notice.DueAt.ToDateTime(), atOakfield.PoliceReference));
        Assert.Contains("hid upstairs", atOakfield.SawOrHeard, StringComparison.Ordinal);
        await localAuthority.Encompass().GetNotificationAsync(new GetNotificationRequest { NotificationId = atOakfield.NotificationId }, localAuthority.AsSchool(OakfieldUrn));
        var read = await localAuthority.WithDbAsync(db => db.Set<Platform.Audit.AuditEntry>()
            .Where(e => e.RecordId == atOakfield.NotificationId && e.Method.EndsWith("/GetNotification")).Select(e => e.ClientId).ToListAsync());
        Assert.Equal(["school-" + OakfieldUrn], read);
        await localAuthority.SentAsync<RecordAccessed>(Topics.AccessNotices);
        Assert.Empty(await localAuthority.SchoolListAsync(RiversideUrn));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => localAuthority.Encompass().GetNotificationAsync(
            new GetNotificationRequest { NotificationId = atOakfield.NotificationId }, localAuthority.AsSchool(RiversideUrn)).ResponseAsync);

        var waiting = Assert.Single(await localAuthority.TeamListAsync(new ListNotificationsRequest { States = { NotificationState.AwaitingSchool } }));
        Assert.Equal("Ben", waiting.Child.GivenName);
        await localAuthority.Encompass().IdentifySchoolAsync(new IdentifySchoolRequest
        {
            NotificationId = waiting.NotificationId, IdempotencyKey = CustodyApp.Key(), School = new School { Urn = RiversideUrn, Name = "Riverside Academy" },
        }, localAuthority.AsEducationTeam());
        Assert.Equal("Ben", Assert.Single(await localAuthority.SchoolListAsync(RiversideUrn)).Child.GivenName);

        var acknowledge = new AcknowledgeNotificationRequest
        {
            NotificationId = atOakfield.NotificationId, IdempotencyKey = CustodyApp.Key(), AcknowledgedBy = "Mrs J. Patel (DSL)",
            SupportPlanned = "Class teacher told to look out for Amy; a check-in with the learning mentor at lunch.",
        };
        var acknowledged = await localAuthority.Encompass().AcknowledgeNotificationAsync(acknowledge, localAuthority.AsSchool(OakfieldUrn));
        Assert.Equal(NotificationState.Acknowledged, acknowledged.State);
        await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => localAuthority.Encompass().AcknowledgeNotificationAsync(
            new AcknowledgeNotificationRequest(acknowledge) { IdempotencyKey = CustodyApp.Key() }, localAuthority.AsSchool(OakfieldUrn)).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => localAuthority.Encompass().AcknowledgeNotificationAsync(
            new AcknowledgeNotificationRequest(acknowledge) { NotificationId = waiting.NotificationId, IdempotencyKey = CustodyApp.Key() },
            localAuthority.AsSchool(OakfieldUrn)).ResponseAsync);

        await DeliverUpdatesAsync(4);
        var atPolice = await police.Encompass().GetIncidentAsync(new GetIncidentRequest { IncidentId = incident.IncidentId }, police.AsOfficer());
        var amy = atPolice.Notifications.Single(n => n.Child.GivenName == "Amy");
        var ben = atPolice.Notifications.Single(n => n.Child.GivenName == "Ben");
        Assert.Equal((NotificationState.Acknowledged, "Mrs J. Patel (DSL)", OakfieldUrn), (amy.State, amy.Notice.Acknowledgement.AcknowledgedBy, amy.Notice.School.Urn));
        Assert.Contains("learning mentor", amy.Notice.Acknowledgement.SupportPlanned, StringComparison.Ordinal);
        Assert.Equal((NotificationState.WithSchool, "Riverside Academy", true), (ben.State, ben.Notice.School.Name, ben.Notice.DeliveredOnTime));
    }

    [SkippableFact]
    public async Task A_child_with_no_school_found_is_a_decision_not_to_share_listed_as_possibly_missing_education_and_told_to_police()
    {
        RequireDatabase();
        var incident = await police.Encompass().RecordIncidentAsync(Incident(MondayNine, Affected(Ben)), police.AsOfficer());
        await DeliverNotificationsAsync(1);
        var waiting = Assert.Single(await localAuthority.TeamListAsync(new ListNotificationsRequest { States = { NotificationState.AwaitingSchool } }));

        var decided = await localAuthority.Encompass().RecordNoSchoolFoundAsync(new RecordNoSchoolFoundRequest
        {
            NotificationId = waiting.NotificationId, IdempotencyKey = CustodyApp.Key(), Reason = "Not on any school roll in the county; referred to the children missing education officer.",
        }, localAuthority.AsEducationTeam());

        Assert.Equal(NotificationState.NoSchoolFound, decided.State);
        Assert.Equal(waiting.NotificationId, Assert.Single(await localAuthority.TeamListAsync(new ListNotificationsRequest { States = { NotificationState.NoSchoolFound } })).NotificationId);
        var decision = await localAuthority.WithDbAsync(db => db.Set<DisclosureRecord>().SingleAsync(d => d.RecordId == waiting.NotificationId && !d.Shared));
        Assert.Contains("children missing education officer", decision.Reason, StringComparison.Ordinal);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => localAuthority.Encompass().IdentifySchoolAsync(new IdentifySchoolRequest
        {
            NotificationId = waiting.NotificationId, IdempotencyKey = CustodyApp.Key(), School = new School { Urn = RiversideUrn, Name = "Riverside Academy" },
        }, localAuthority.AsEducationTeam()).ResponseAsync);

        await DeliverUpdatesAsync(2);
        var atPolice = Assert.Single((await police.Encompass().GetIncidentAsync(new GetIncidentRequest { IncidentId = incident.IncidentId }, police.AsOfficer())).Notifications);
        Assert.Equal(NotificationState.NoSchoolFound, atPolice.State);
        Assert.Contains("not on any school roll", atPolice.Notice.NoSchoolReason, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task Past_the_start_of_the_school_day_an_unacknowledged_notification_is_listed_overdue_and_counted_in_the_figures()
    {
        RequireDatabase();
        await localAuthority.EnrolAsync(Amy, OakfieldUrn, "Oakfield Primary School");
        await police.Encompass().RecordIncidentAsync(Incident(MondayNine, Affected(Amy)), police.AsOfficer());
        await DeliverNotificationsAsync(1);
        Assert.Empty(await localAuthority.TeamListAsync(new ListNotificationsRequest { OverdueOnly = true }));

        localAuthority.Clock.Advance(TimeSpan.FromHours(23)); // Tuesday 09:00, after the school day started
        var overdue = Assert.Single(await localAuthority.TeamListAsync(new ListNotificationsRequest { OverdueOnly = true }));
        Assert.True(overdue.Notice.Overdue);

        var figures = await localAuthority.Figures().GetFiguresAsync(new Contracts.Figures.V1.GetPartnershipFiguresRequest
        {
            From = CustodyApp.At(MondayNine.AddDays(-7)), To = CustodyApp.At(MondayNine.AddDays(7)),
        }, localAuthority.AsBoard());
        Assert.Equal((1, 1, 0, 0, 1), (figures.Encompass.NotificationsReceived, figures.Encompass.DeliveredOnTime, figures.Encompass.Acknowledged,
            figures.Encompass.NoSchoolFound, figures.Encompass.OverdueNow));
    }

    [SkippableFact]
    public async Task An_incident_in_the_Christmas_holidays_is_held_until_the_first_day_of_term_and_then_in_the_schools_list()
    {
        RequireDatabase();
        foreach (var app in new CustodyApp[] { police, localAuthority })
        {
            app.Clock.Advance(TimeSpan.FromDays(28)); // Monday 21 December, 10:00
        }

        await localAuthority.EnrolAsync(Amy, OakfieldUrn, "Oakfield Primary School");
        var incident = await police.Encompass().RecordIncidentAsync(Incident(MondayNine.AddDays(28), Affected(Amy)), police.AsOfficer());
        await DeliverNotificationsAsync(1);
        await DeliverUpdatesAsync(1);
        async Task<NotificationState> AtPoliceAsync() =>
            Assert.Single((await police.Encompass().GetIncidentAsync(new GetIncidentRequest { IncidentId = incident.IncidentId }, police.AsOfficer())).Notifications).State;
        Assert.Equal(NotificationState.HeldUntilTerm, await AtPoliceAsync());

        Assert.Empty(await localAuthority.SchoolListAsync(OakfieldUrn));
        var held = Assert.Single(await localAuthority.TeamListAsync(new ListNotificationsRequest { States = { NotificationState.HeldUntilTerm } }));
        Assert.Equal((new DateTime(2027, 1, 4, 0, 0, 0, DateTimeKind.Utc), new DateTime(2027, 1, 4, 8, 45, 0, DateTimeKind.Utc)),
            (held.Notice.VisibleToSchoolFrom.ToDateTime(), held.Notice.DueAt.ToDateTime()));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => localAuthority.Encompass().GetNotificationAsync(
            new GetNotificationRequest { NotificationId = held.NotificationId }, localAuthority.AsSchool(OakfieldUrn)).ResponseAsync);

        localAuthority.Clock.Advance(new DateTime(2027, 1, 4, 7, 0, 0, DateTimeKind.Utc) - localAuthority.Now);
        var firstDayOfTerm = Assert.Single(await localAuthority.SchoolListAsync(OakfieldUrn));
        Assert.Equal(NotificationState.WithSchool, firstDayOfTerm.State);
        // Police hear nothing new on the first day of term; their view works it out from when the school may see it.
        police.Clock.Advance(new DateTime(2027, 1, 4, 7, 0, 0, DateTimeKind.Utc) - police.Now);
        Assert.Equal(NotificationState.WithSchool, await AtPoliceAsync());
    }

    [SkippableFact]
    public async Task Bad_input_is_refused_naming_the_field_and_nothing_is_stored_or_sent()
    {
        RequireDatabase();
        var future = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => police.Encompass().RecordIncidentAsync(
            Incident(police.Now.AddHours(2), Affected(Amy)), police.AsOfficer()).ResponseAsync);
        Assert.Contains("occurred_at", RpcAssert.ViolatedFields(future));
        var toddler = CustodyApp.Child("Cal", new DateOnly(2024, 6, 1), "9434765935");
        var tooYoung = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => police.Encompass().RecordIncidentAsync(
            Incident(MondayNine, Affected(Amy), Affected(toddler)), police.AsOfficer()).ResponseAsync);
        Assert.Equal(["children[1].child.date_of_birth"], RpcAssert.ViolatedFields(tooYoung));
        Assert.Contains("aged 4 to 17", tooYoung.Status.Detail + string.Join(" ", tooYoung.Trailers.Select(t => t.Key)), StringComparison.Ordinal);
        var badUrn = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => localAuthority.EnrolAsync(Amy, "12345", "Oakfield Primary School"));
        Assert.Equal(["school.urn"], RpcAssert.ViolatedFields(badUrn));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => localAuthority.Encompass().ListNotificationsAsync(new ListNotificationsRequest(),
            localAuthority.As("school-without-urn", Platform.Auth.AgencyNames.Education, Platform.Auth.MashRoles.EncompassSchool)).ResponseAsync);

        Assert.Equal(0, await police.WithDbAsync(db => db.Incidents.CountAsync()));
        Assert.Equal(0, await localAuthority.WithDbAsync(db => db.Enrolments.CountAsync()));
        Assert.Empty(police.SentOn(Topics.EncompassNotifications));
    }

    private void RequireDatabase()
    {
        if (postgreSql)
        {
            PostgresServer.Require();
        }
    }

    private async Task DeliverNotificationsAsync(int count)
    {
        await police.SentAsync<DomesticAbuseNotified>(Topics.EncompassNotifications, count);
        Assert.All(await localAuthority.TakeFromAsync(police, Topics.EncompassNotifications), d => Assert.Equal("completed", d.Settlement));
    }

    /// <summary>Each change at the local authority node sends one update: on arrival, school identified or none found, acknowledged.</summary>
    private async Task DeliverUpdatesAsync(int count)
    {
        await localAuthority.SentAsync<SchoolNotificationUpdated>(Topics.EncompassUpdates, count);
        Assert.All(await police.TakeFromAsync(localAuthority, Topics.EncompassUpdates), d => Assert.Equal("completed", d.Settlement));
    }

    public void Dispose()
    {
        police.Dispose();
        localAuthority.Dispose();
        GC.SuppressFinalize(this);
    }
}
