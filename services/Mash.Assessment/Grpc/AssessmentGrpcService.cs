using Mash.Platform.Auth;
using Grpc.Core;
using Mash.Contracts.Assessment.V1;
using Microsoft.AspNetCore.Authorization;
using Mash.Assessment.Application;
using Mash.Assessment.IntegrationEvents;

namespace Mash.Assessment.Grpc;

/// <summary>
/// mash.assessment.v1.AssessmentService. Each RPC names the app role it needs: the service checks
/// the token itself, whatever the gateway already did.
/// </summary>
internal sealed class AssessmentGrpcService(
    AssessmentQueries assessments, AssessmentCommands work, CseScreeningCommands screening, CseFlagCommands flags,
    RiskProfileQueries risk) : AssessmentService.AssessmentServiceBase
{
    [Authorize(Policy = MashRoles.AssessmentRead)]
    public override Task<Contracts.Assessment.V1.Assessment> GetAssessment(GetAssessmentRequest request, ServerCallContext context) =>
        assessments.GetAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.AssessmentRead)]
    public override Task<ListAssessmentsResponse> ListAssessments(ListAssessmentsRequest request, ServerCallContext context) =>
        assessments.ListAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.AssessmentAssess)]
    public override Task<Contracts.Assessment.V1.Assessment> RecordCheck(RecordCheckRequest request, ServerCallContext context) =>
        work.RecordCheckAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.AssessmentAssess)]
    public override Task<Contracts.Assessment.V1.Assessment> CompleteAssessment(CompleteAssessmentRequest request, ServerCallContext context) =>
        work.CompleteAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.AssessmentAssess)]
    public override Task<CseScreening> ScreenCse(ScreenCseRequest request, ServerCallContext context) =>
        screening.ScreenAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.CseManage)]
    public override Task<CseFlag> RaiseCseFlag(RaiseCseFlagRequest request, ServerCallContext context) =>
        flags.RaiseAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.CseManage)]
    public override Task<CseFlag> ReviewCseFlag(ReviewCseFlagRequest request, ServerCallContext context) =>
        flags.ReviewAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.CseManage)]
    public override Task<CseFlag> ClearCseFlag(ClearCseFlagRequest request, ServerCallContext context) =>
        flags.ClearAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.AssessmentRead)]
    public override Task<ChildRiskProfile> GetChildRiskProfile(GetChildRiskProfileRequest request, ServerCallContext context) =>
        risk.GetProfileAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.AssessmentRead)]
    public override Task<ListDailyHighRiskResponse> ListDailyHighRisk(ListDailyHighRiskRequest request, ServerCallContext context) =>
        risk.ListDailyHighRiskAsync(request, context.CancellationToken);
}
