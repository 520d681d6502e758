using Grpc.Core;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Mash.Referral.Application;
using Mash.Referral.IntegrationEvents;

namespace Mash.Referral.Grpc;

/// <summary>
/// mash.referral.v1.ReferralService. Each RPC names the app role it needs: the service checks
/// the token itself, whatever the gateway already did.
/// </summary>
internal sealed class ReferralGrpcService(
    SubmissionCommands submit, ReferralQueries queue, ScreeningCommands decisions) : ReferralService.ReferralServiceBase
{
    [Authorize(Policy = MashRoles.ReferralSubmit)]
    public override Task<SubmitReferralResponse> SubmitReferral(SubmitReferralRequest request, ServerCallContext context) =>
        submit.HandleAsync(request, context.GetHttpContext().User.IsInRole(MashRoles.ReferralRead), context.CancellationToken);

    [Authorize(Policy = MashRoles.ReferralRead)]
    public override Task<Contracts.Referral.V1.Referral> GetReferral(GetReferralRequest request, ServerCallContext context) =>
        queue.GetAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.ReferralRead)]
    public override Task<ListReferralsResponse> ListReferrals(ListReferralsRequest request, ServerCallContext context) =>
        queue.ListAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.ReferralScreen)]
    public override Task<Contracts.Referral.V1.Referral> RecordScreening(RecordScreeningRequest request, ServerCallContext context) =>
        decisions.ScreenAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.ReferralDecide)]
    public override Task<Contracts.Referral.V1.Referral> RecordDecision(RecordDecisionRequest request, ServerCallContext context) =>
        decisions.DecideAsync(request, context.CancellationToken);
}
