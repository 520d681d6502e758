using Grpc.Core;
using Mash.Contracts.Strategy.V1;
using Mash.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Mash.StrategyDiscussion.Application;
using Mash.StrategyDiscussion.IntegrationEvents;

namespace Mash.StrategyDiscussion.Grpc;

/// <summary>
/// mash.strategy.v1.StrategyDiscussionService. Each RPC names the app role it needs: the service
/// checks the token itself, whatever the gateway already did.
/// </summary>
internal sealed class StrategyGrpcService(
    DiscussionQueries discussions, OverdueQueries overdue, RequirementCommands require, DiscussionCommands work)
    : StrategyDiscussionService.StrategyDiscussionServiceBase
{
    [Authorize(Policy = MashRoles.StrategyRead)]
    public override Task<Contracts.Strategy.V1.StrategyDiscussion> GetDiscussion(GetDiscussionRequest request, ServerCallContext context) =>
        discussions.GetAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.StrategyRead)]
    public override Task<ListDiscussionsResponse> ListDiscussions(ListDiscussionsRequest request, ServerCallContext context) =>
        discussions.ListAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.StrategyRead)]
    public override Task<ListOverdueResponse> ListOverdue(ListOverdueRequest request, ServerCallContext context) =>
        overdue.ListOverdueAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.StrategyRead)]
    public override Task<ListOutstandingResponse> ListOutstanding(ListOutstandingRequest request, ServerCallContext context) =>
        overdue.ListOutstandingAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.StrategyRead)]
    public override Task<ListOverdueActionsResponse> ListOverdueActions(ListOverdueActionsRequest request, ServerCallContext context) =>
        overdue.ListOverdueActionsAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.StrategyManage)]
    public override Task<Contracts.Strategy.V1.StrategyDiscussion> RequireDiscussion(RequireDiscussionRequest request, ServerCallContext context) =>
        require.RequireAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.StrategyManage)]
    public override Task<Contracts.Strategy.V1.StrategyDiscussion> ScheduleDiscussion(ScheduleDiscussionRequest request, ServerCallContext context) =>
        work.ScheduleAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.StrategyManage)]
    public override Task<Contracts.Strategy.V1.StrategyDiscussion> RecordAttendance(RecordAttendanceRequest request, ServerCallContext context) =>
        work.RecordAttendanceAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.StrategyManage)]
    public override Task<Contracts.Strategy.V1.StrategyDiscussion> ConcludeDiscussion(ConcludeDiscussionRequest request, ServerCallContext context) =>
        work.ConcludeAsync(request, context.CancellationToken);

    [Authorize(Policy = MashRoles.StrategyManage)]
    public override Task<Contracts.Strategy.V1.StrategyDiscussion> CompleteAction(CompleteActionRequest request, ServerCallContext context) =>
        work.CompleteActionAsync(request, context.CancellationToken);
}
