using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Contracts.Strategy.V1;
using Mash.StrategyDiscussion.Tests.Support;

namespace Mash.StrategyDiscussion.Tests.Functional;

/// <summary>Dates that make sense: a discussion is not held before it was required, nor planned for the year 9999.</summary>
public sealed class DateSanityTests(StrategyApp app) : IClassFixture<StrategyApp>
{
    private Task<ScheduleDiscussionRequest> ScheduleAtAsync(DateTime when) => Task.Run(async () =>
    {
        var required = await app.RequireAsync(Samples.Child());
        return new ScheduleDiscussionRequest { DiscussionId = required.DiscussionId, ScheduledFor = Timestamp.FromDateTime(when), Format = DiscussionFormat.Call };
    });

    [Theory]
    [InlineData(9999, 12, 31)]
    [InlineData(1, 1, 1)]
    [InlineData(2026, 11, 22)] // the day before it became required
    public async Task A_discussion_scheduled_before_it_became_required_or_beyond_the_horizon_is_refused_naming_scheduled_for(int year, int month, int day)
    {
        var request = await ScheduleAtAsync(new DateTime(year, month, day, 10, 0, 0, DateTimeKind.Utc));

        var refused = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => app.Client().ScheduleDiscussionAsync(request, app.As()).ResponseAsync);

        Assert.Equal(["scheduled_for"], RpcAssert.ViolatedFields(refused));
        var unchanged = await app.Client().GetDiscussionAsync(new GetDiscussionRequest { DiscussionId = request.DiscussionId }, app.As());
        Assert.Equal(DiscussionStatus.Required, unchanged.Status);
    }

    [Fact]
    public async Task A_discussion_scheduled_within_the_year_is_accepted()
    {
        var request = await ScheduleAtAsync(app.Clock.GetUtcNow().UtcDateTime.AddDays(300));

        Assert.Equal(DiscussionStatus.Scheduled, (await app.Client().ScheduleDiscussionAsync(request, app.As())).Status);
    }

    [Fact]
    public async Task A_discussion_held_before_it_became_required_or_with_an_action_due_years_ahead_is_refused_naming_the_field()
    {
        var required = await app.RequireAsync(Samples.Child());
        await app.AllAttendAsync(required.DiscussionId);
        var conclude = Samples.Conclude(required.DiscussionId, Samples.Decisions(app.Clock.GetUtcNow(), actionsDueAfter: [TimeSpan.FromDays(2), TimeSpan.FromDays(800)]));
        conclude.HeldAt = Timestamp.FromDateTime(new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var early = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => app.Client().ConcludeDiscussionAsync(conclude, app.As()).ResponseAsync);
        conclude.HeldAt = null;
        var farAhead = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => app.Client().ConcludeDiscussionAsync(conclude, app.As()).ResponseAsync);

        Assert.Equal(["held_at"], RpcAssert.ViolatedFields(early));
        Assert.Equal(["decisions.actions[1].due_at"], RpcAssert.ViolatedFields(farAhead));
        var unchanged = await app.Client().GetDiscussionAsync(new GetDiscussionRequest { DiscussionId = required.DiscussionId }, app.As());
        Assert.Equal(DiscussionStatus.Required, unchanged.Status);
    }
}
