using Grpc.Core;
using Mash.Contracts.Governance.V1;
using Mash.Platform.Auth;
using Microsoft.AspNetCore.Authorization;

namespace Mash.Platform.Eventing.Governance;

/// <summary>
/// mash.governance.v1.ServiceGovernance: this service's part of the node's governance answers
/// (the gateway's GovernanceService asks every service with the caller's token). Any known
/// caller reaches the calls, which check the role themselves, so that a refusal is audited
/// against the child it asked about.
/// </summary>
[Authorize]
internal sealed class ServiceGovernanceGrpcService(GovernanceQueries queries, ChildRecordsExport export) : ServiceGovernance.ServiceGovernanceBase
{
    public override Task<ListChildAccessesResponse> ListChildAccesses(ListChildAccessesRequest request, ServerCallContext context)
    {
        queries.RequireRole(context, MashRoles.GovernanceRead, request.Child, GovernanceQueries.AccessesRecordId);
        return queries.AccessesAsync(request, context.CancellationToken);
    }

    public override Task<ListDisclosuresResponse> ListDisclosures(ListDisclosuresRequest request, ServerCallContext context)
    {
        queries.RequireRole(context, MashRoles.GovernanceRead, request.Child, GovernanceQueries.DisclosuresRecordId);
        return queries.DisclosuresAsync(request, context.CancellationToken);
    }

    public override Task<ServiceExport> ExportChildRecords(ExportChildRecordsRequest request, ServerCallContext context)
    {
        queries.RequireRole(context, MashRoles.GovernanceRead, request.Child, GovernanceQueries.ExportRecordId);
        return export.ExportAsync(request, context.GetHttpContext().User, context.CancellationToken);
    }

    public override Task<ListAgreementsResponse> ListAgreements(ListAgreementsRequest request, ServerCallContext context)
    {
        queries.RequireRole(context, MashRoles.GovernanceRead, child: null, "governance:agreements");
        return Task.FromResult(queries.Agreements(request));
    }

    public override Task<AuditChainVerification> VerifyAuditChain(VerifyAuditChainsRequest request, ServerCallContext context)
    {
        queries.RequireRole(context, MashRoles.AuditVerify, child: null, "governance:audit-chain");
        return queries.VerifyAsync(request, context.CancellationToken);
    }
}
