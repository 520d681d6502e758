using Grpc.Core;
using Mash.Assessment.Application.Missing;
using Mash.Contracts.Missing.V1;
using Mash.Platform.Auth;
using Microsoft.AspNetCore.Authorization;

namespace Mash.Assessment.Grpc;

/// <summary>mash.missing.v1.MissingService, served beside the assessments: each RPC names the role it needs.</summary>
internal sealed class MissingGrpcService(MissingCommands commands, MissingQueries queries, PhilomenaCommands profiles) : MissingService.MissingServiceBase
{
    [Authorize(Policy = MashRoles.MissingReport)]
    public override Task<MissingEpisode> ReportMissing(ReportMissingRequest request, ServerCallContext context) =>
        commands.ReportAsync(request, AsCarer(context), context.CancellationToken);

    [Authorize(Policy = MashRoles.MissingReport)]
    public override Task<MissingEpisode> RegradeRisk(RegradeRiskRequest request, ServerCallContext context) =>
        commands.RegradeAsync(request, AsCarer(context), context.CancellationToken);

    [Authorize(Policy = MashRoles.MissingReport)]
    public override Task<MissingEpisode> RecordReturn(RecordReturnRequest request, ServerCallContext context) =>
        commands.ReturnAsync(request, AsCarer(context), context.CancellationToken);

    [Authorize(Policy = MashRoles.MissingInterview)]
    public override Task<MissingEpisode> RecordReturnInterview(RecordReturnInterviewRequest request, ServerCallContext context) =>
        commands.RecordInterviewAsync(request, InterviewerMay.Of(context.GetHttpContext().User), context.CancellationToken);

    [Authorize(Policy = MashRoles.MissingRead)]
    public override Task<MissingEpisode> GetMissingEpisode(GetMissingEpisodeRequest request, ServerCallContext context) =>
        queries.GetAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.MissingProfile)]
    public override Task<PhilomenaProfile> RecordPhilomenaProfile(RecordPhilomenaProfileRequest request, ServerCallContext context) =>
        profiles.RecordAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.MissingRead)]
    public override Task<PhilomenaProfile> GetPhilomenaProfile(GetPhilomenaProfileRequest request, ServerCallContext context) =>
        profiles.GetAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.MissingRead)]
    public override Task<ListMissingForMeetingResponse> ListMissingForMeeting(ListMissingForMeetingRequest request, ServerCallContext context) =>
        queries.ListForMeetingAsync(request, context.CancellationToken);

    /// <summary>A care provider's token: it acts only for the children in its care.</summary>
    private static bool AsCarer(ServerCallContext context) => context.GetHttpContext().User.IsInRole(MashRoles.MissingCarer);
}
