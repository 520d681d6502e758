using Grpc.Core;
using Mash.Contracts.Investigation.V1;
using Mash.Investigation.Application;
using Mash.Platform.Auth;
using Microsoft.AspNetCore.Authorization;

namespace Mash.Investigation.Grpc;

/// <summary>mash.investigation.v1.InvestigationService: each RPC names the role it needs; figures-only RPCs admit the board.</summary>
internal sealed class InvestigationGrpcService(
    InvestigationCommands investigations, EvidenceCommands evidence, CaseAuditCommands audits, InvestigationQueries queries, EvidenceQueries evidenceQueries)
    : InvestigationService.InvestigationServiceBase
{
    [Authorize(Policy = MashRoles.InvestigationWrite)]
    public override Task<Contracts.Investigation.V1.Investigation> OpenInvestigation(OpenInvestigationRequest request, ServerCallContext context) =>
        investigations.OpenAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.InvestigationSupervise)]
    public override Task<Contracts.Investigation.V1.Investigation> AllocateInvestigation(AllocateInvestigationRequest request, ServerCallContext context) =>
        investigations.AllocateAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.InvestigationWrite)]
    public override Task<Contracts.Investigation.V1.Investigation> PlanStep(PlanStepRequest request, ServerCallContext context) =>
        investigations.PlanAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.InvestigationWrite)]
    public override Task<Contracts.Investigation.V1.Investigation> CompleteStep(CompleteStepRequest request, ServerCallContext context) =>
        investigations.CompleteAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.InvestigationSupervise)]
    public override Task<Contracts.Investigation.V1.Investigation> RecordSupervisoryReview(RecordSupervisoryReviewRequest request, ServerCallContext context) =>
        investigations.ReviewAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.InvestigationSupervise)]
    public override Task<Contracts.Investigation.V1.Investigation> CloseInvestigation(CloseInvestigationRequest request, ServerCallContext context) =>
        investigations.CloseAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.InvestigationRead)]
    public override Task<Contracts.Investigation.V1.Investigation> GetInvestigation(GetInvestigationRequest request, ServerCallContext context) =>
        queries.GetAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.InvestigationRead)]
    public override Task<ListInvestigationsResponse> ListInvestigations(ListInvestigationsRequest request, ServerCallContext context) =>
        queries.ListAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.InvestigationFigures)]
    public override Task<TeamCapacity> GetTeamCapacity(GetTeamCapacityRequest request, ServerCallContext context) =>
        queries.CapacityAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.InvestigationRead)]
    public override Task<ListStalledInvestigationsResponse> ListStalledInvestigations(ListStalledInvestigationsRequest request, ServerCallContext context) =>
        queries.StalledAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.InvestigationWrite)]
    public override Task<Device> RecordDeviceSeized(RecordDeviceSeizedRequest request, ServerCallContext context) =>
        evidence.SeizeAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.InvestigationWrite)]
    public override Task<Device> RecordDeviceProgress(RecordDeviceProgressRequest request, ServerCallContext context) =>
        evidence.ProgressAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.InvestigationRead)]
    public override Task<ListDeviceQueueResponse> ListDeviceQueue(ListDeviceQueueRequest request, ServerCallContext context) =>
        evidenceQueries.QueueAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.InvestigationFigures)]
    public override Task<DeviceBacklog> GetDeviceBacklog(GetDeviceBacklogRequest request, ServerCallContext context) =>
        evidenceQueries.BacklogAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.InvestigationWrite)]
    public override Task<ChargingFile> SendToProsecutor(SendToProsecutorRequest request, ServerCallContext context) =>
        evidence.SendAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.InvestigationWrite)]
    public override Task<ChargingFile> RecordProsecutorResponse(RecordProsecutorResponseRequest request, ServerCallContext context) =>
        evidence.RespondAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.InvestigationRead)]
    public override Task<ListChargingWaitsResponse> ListChargingWaits(ListChargingWaitsRequest request, ServerCallContext context) =>
        evidenceQueries.WaitsAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.InvestigationAudit)]
    public override Task<CaseAudit> RecordCaseAudit(RecordCaseAuditRequest request, ServerCallContext context) =>
        audits.RecordAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.AuditFigures)]
    public override Task<AuditResults> GetAuditResults(GetAuditResultsRequest request, ServerCallContext context) =>
        audits.ResultsAsync(request, context.CancellationToken);
}
