using Grpc.Core;
using Mash.Contracts.Custody.V1;
using Mash.Custody.Application;
using Mash.Platform.Auth;
using Microsoft.AspNetCore.Authorization;

namespace Mash.Custody.Grpc;

/// <summary>
/// mash.custody.v1.CustodyService. Each RPC names the app role it needs: the service checks the
/// token itself, whatever the gateway already did.
/// </summary>
internal sealed class CustodyGrpcService(
    DetentionCommands detentions, WelfareCommands welfare, DetentionQueries queries, LocalAuthorityCommands localAuthority, LocalAuthorityQueries requests)
    : CustodyService.CustodyServiceBase
{
    [Authorize(Policy = MashRoles.CustodyWrite)]
    public override Task<Detention> OpenDetention(OpenDetentionRequest request, ServerCallContext context) =>
        detentions.OpenAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.CustodyRead)]
    public override Task<Detention> GetDetention(GetDetentionRequest request, ServerCallContext context) =>
        queries.GetAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.CustodyRead)]
    public override Task<ListDetentionsResponse> ListDetentions(ListDetentionsRequest request, ServerCallContext context) =>
        queries.ListAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.CustodyWrite)]
    public override Task<Detention> RecordCharge(RecordChargeRequest request, ServerCallContext context) =>
        detentions.ChargeAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.CustodyWrite)]
    public override Task<Detention> RecordBailDecision(RecordBailDecisionRequest request, ServerCallContext context) =>
        detentions.DecideBailAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.CustodyWrite)]
    public override Task<Detention> RequestAccommodation(RequestAccommodationRequest request, ServerCallContext context) =>
        detentions.RequestAccommodationAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.CustodyWrite)]
    public override Task<Detention> RecordRelease(RecordReleaseRequest request, ServerCallContext context) =>
        detentions.ReleaseAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.CustodyWrite)]
    public override Task<Detention> RequestAppropriateAdult(RequestAppropriateAdultRequest request, ServerCallContext context) =>
        welfare.RequestAppropriateAdultAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.CustodyWrite)]
    public override Task<Detention> RecordAppropriateAdultAttended(RecordAppropriateAdultAttendedRequest request, ServerCallContext context) =>
        welfare.RecordAttendedAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.CustodyReview)]
    public override Task<Detention> RecordReview(RecordReviewRequest request, ServerCallContext context) =>
        welfare.RecordReviewAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.CustodyOfficer)]
    public override Task<Detention> RecordToldOnWaking(RecordToldOnWakingRequest request, ServerCallContext context) =>
        welfare.RecordToldOnWakingAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.CustodyWrite)]
    public override Task<Detention> IssueDetentionCertificate(IssueDetentionCertificateRequest request, ServerCallContext context) =>
        welfare.IssueCertificateAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.CustodyRead)]
    public override Task<ListCustodyBreachesResponse> ListCustodyBreaches(ListCustodyBreachesRequest request, ServerCallContext context) =>
        queries.ListBreachesAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.CustodyRead)]
    public override Task<CustodyReport> GetCustodyReport(GetCustodyReportRequest request, ServerCallContext context) =>
        queries.ReportAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.CustodyAccommodate)]
    public override Task<ListAccommodationRequestsResponse> ListAccommodationRequests(ListAccommodationRequestsRequest request, ServerCallContext context) =>
        requests.ListAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.CustodyAccommodate)]
    public override Task<AccommodationRequest> AnswerAccommodationRequest(AnswerAccommodationRequestRequest request, ServerCallContext context) =>
        localAuthority.AnswerAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.CustodyAccommodate)]
    public override Task<LookedAfterRecord> RecordLookedAfterStatus(RecordLookedAfterStatusRequest request, ServerCallContext context) =>
        localAuthority.RecordLookedAfterAsync(request, context.CancellationToken);
}
