using Grpc.Core;
using Mash.Contracts.Encompass.V1;
using Mash.Custody.Application.Encompass;
using Mash.Platform.Auth;
using Microsoft.AspNetCore.Authorization;

namespace Mash.Custody.Grpc;

/// <summary>
/// mash.encompass.v1.EncompassService, hosted by the Custody service: like custody, a flow from a
/// police node to its area's local authority node and back. Each RPC names the app role it needs; a
/// school's calls are narrowed to the school its token names.
/// </summary>
internal sealed class EncompassGrpcService(
    IncidentCommands incidents, IncidentQueries incidentQueries, SchoolNotificationCommands notifications, SchoolNotificationQueries notificationQueries)
    : EncompassService.EncompassServiceBase
{
    [Authorize(Policy = MashRoles.EncompassRecord)]
    public override Task<Incident> RecordIncident(RecordIncidentRequest request, ServerCallContext context) =>
        incidents.RecordAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.EncompassRecord)]
    public override Task<Incident> GetIncident(GetIncidentRequest request, ServerCallContext context) =>
        incidentQueries.GetAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.EncompassRecord)]
    public override Task<ListIncidentsResponse> ListIncidents(ListIncidentsRequest request, ServerCallContext context) =>
        incidentQueries.ListAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.EncompassManage)]
    public override Task<Enrolment> RecordEnrolment(RecordEnrolmentRequest request, ServerCallContext context) =>
        notifications.RecordEnrolmentAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.EncompassNotifications)]
    public override Task<ListNotificationsResponse> ListNotifications(ListNotificationsRequest request, ServerCallContext context) =>
        notificationQueries.ListAsync(request, Caller(context), context.CancellationToken);

    [Authorize(Policy = MashRoles.EncompassNotifications)]
    public override Task<Notification> GetNotification(GetNotificationRequest request, ServerCallContext context) =>
        notificationQueries.GetAsync(request, Caller(context), context.CancellationToken);

    [Authorize(Policy = MashRoles.EncompassManage)]
    public override Task<Notification> IdentifySchool(IdentifySchoolRequest request, ServerCallContext context) =>
        notifications.IdentifySchoolAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.EncompassManage)]
    public override Task<Notification> RecordNoSchoolFound(RecordNoSchoolFoundRequest request, ServerCallContext context) =>
        notifications.RecordNoSchoolFoundAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.EncompassSchool)]
    public override Task<Notification> AcknowledgeNotification(AcknowledgeNotificationRequest request, ServerCallContext context) =>
        notifications.AcknowledgeAsync(request, SchoolOf(context), context.CancellationToken);

    private static SchoolCaller Caller(ServerCallContext context) => SchoolCaller.From(context.GetHttpContext().User);

    /// <summary>Acknowledging is the school's own act: the school its token names, even for a client that also has the team's role.</summary>
    private static SchoolCaller SchoolOf(ServerCallContext context) => SchoolCaller.SchoolFrom(context.GetHttpContext().User);
}
