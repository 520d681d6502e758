using Grpc.Core;
using Mash.Contracts.Offender.V1;
using Mash.Offender.Domain;
using Mash.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Mash.Offender.Application;
using Mash.Offender.IntegrationEvents;

namespace Mash.Offender.Grpc;

/// <summary>
/// mash.offender.v1.OffenderService. Each RPC names the app roles it needs: the service checks
/// the token itself, whatever the gateway already did. Reads answer in the view the caller's
/// roles allow, decided here and never by the request.
/// </summary>
internal sealed class OffenderGrpcService(
    OffenderQueries offenders, NotificationBreachQueries breaches, OverdueVisitQueries overdueVisits, MeasureQueries measureLists,
    RegistrationCommands register,
    RiskCommands riskAndLinks, SupervisionCommands notificationsAndVisits, MeasureCommands measures)
    : OffenderService.OffenderServiceBase
{
    /// <summary>Either role may read: Offender.Read gives the full view, Offender.ReadSummary the summary.</summary>
    [Authorize(Policy = MashRoles.OffenderView)]
    public override Task<Contracts.Offender.V1.Offender> GetOffender(GetOffenderRequest request, ServerCallContext context) =>
        offenders.GetAsync(request, ViewOf(context), context.CancellationToken);

    [Authorize(Policy = MashRoles.OffenderView)]
    public override Task<ListOffendersInAreaResponse> ListOffendersInArea(ListOffendersInAreaRequest request, ServerCallContext context) =>
        offenders.ListInAreaAsync(request, ViewOf(context), context.CancellationToken);

    [Authorize(Policy = MashRoles.OffenderRead)]
    public override Task<ListNotificationBreachesResponse> ListNotificationBreaches(ListNotificationBreachesRequest request, ServerCallContext context) =>
        breaches.ListNotificationBreachesAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.OffenderRead)]
    public override Task<ListOverdueVisitsResponse> ListOverdueVisits(ListOverdueVisitsRequest request, ServerCallContext context) =>
        overdueVisits.ListOverdueVisitsAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.OffenderRead)]
    public override Task<ListMeasuresResponse> ListMeasures(ListMeasuresRequest request, ServerCallContext context) =>
        measureLists.ListMeasuresAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.OffenderManage)]
    public override Task<Contracts.Offender.V1.Offender> RegisterOffender(RegisterOffenderRequest request, ServerCallContext context) =>
        register.RegisterAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.OffenderManage)]
    public override Task<Contracts.Offender.V1.Offender> UpdateOffenderRisk(UpdateOffenderRiskRequest request, ServerCallContext context) =>
        riskAndLinks.UpdateRiskAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.OffenderManage)]
    public override Task<Contracts.Offender.V1.Offender> LinkChild(LinkChildRequest request, ServerCallContext context) =>
        riskAndLinks.LinkChildAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.OffenderManage)]
    public override Task<Contracts.Offender.V1.Offender> RecordNotification(RecordNotificationRequest request, ServerCallContext context) =>
        notificationsAndVisits.RecordNotificationAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.OffenderManage)]
    public override Task<Contracts.Offender.V1.Offender> RecordVisit(RecordVisitRequest request, ServerCallContext context) =>
        notificationsAndVisits.RecordVisitAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.OffenderManage)]
    public override Task<PreventativeMeasure> AddPreventativeMeasure(AddPreventativeMeasureRequest request, ServerCallContext context) =>
        measures.AddAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.OffenderManage)]
    public override Task<PreventativeMeasure> RecordMeasureBreach(RecordMeasureBreachRequest request, ServerCallContext context) =>
        measures.RecordBreachAsync(request, context.CancellationToken);

    private static OffenderView ViewOf(ServerCallContext context) => OffenderViews.For(context.GetHttpContext().User.IsInRole);
}
