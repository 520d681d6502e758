using Grpc.Core;
using Mash.Contracts.Strategy.V1;
using Mash.StrategyDiscussion.Tests.Support;

namespace Mash.StrategyDiscussion.Tests.Functional;

/// <summary>
/// An id far longer than any this service issues is refused before any lookup, naming the field, and
/// never echoed back: the outside probe's 40,000-character ids came back twice in NOT_FOUND answers.
/// </summary>
public sealed class LongIdTests(StrategyApp app) : IClassFixture<StrategyApp>
{
    private static readonly string LongId = "dsc_" + new string('a', 40_000);

    [Fact]
    public async Task Reading_or_changing_a_discussion_by_an_overlong_id_is_refused_naming_discussion_id()
    {
        var calls = new Func<Task>[]
        {
            () => app.Client().GetDiscussionAsync(new GetDiscussionRequest { DiscussionId = LongId }, app.As()).ResponseAsync,
            () => app.Client().RecordAttendanceAsync(new RecordAttendanceRequest { DiscussionId = LongId }, app.As()).ResponseAsync,
            () => app.Client().CompleteActionAsync(new CompleteActionRequest { DiscussionId = LongId, ActionId = "act_1" }, app.As()).ResponseAsync,
        };

        foreach (var call in calls)
        {
            var refused = await RpcAssert.FailsWith(StatusCode.InvalidArgument, call);
            Assert.Contains("discussion_id", RpcAssert.ViolatedFields(refused));
            Assert.True(refused.Status.Detail.Length < 500, $"{refused.Status.Detail.Length} characters of detail");
        }
    }
}
