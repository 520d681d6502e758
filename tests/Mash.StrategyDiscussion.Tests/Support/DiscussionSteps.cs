using Google.Protobuf;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Strategy.V1;
using Mash.Platform.Eventing.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Mash.StrategyDiscussion.Tests.Support;

/// <summary>A discussion's usual course, step by step, through the service's RPCs.</summary>
internal static class DiscussionSteps
{
    public static async Task<Contracts.Strategy.V1.StrategyDiscussion> RequireAsync(this StrategyApp app, ChildIdentity child) =>
        await app.Client().RequireDiscussionAsync(Samples.Require(child), app.As());

    public static async Task<Contracts.Strategy.V1.StrategyDiscussion> AttendAsync(this StrategyApp app, string discussionId, params Participant[] participants) =>
        await app.Client().RecordAttendanceAsync(new RecordAttendanceRequest { DiscussionId = discussionId, Participants = { participants } }, app.As());

    /// <summary>Social care, health and police attended.</summary>
    public static Task<Contracts.Strategy.V1.StrategyDiscussion> AllAttendAsync(this StrategyApp app, string discussionId) =>
        app.AttendAsync(discussionId, Samples.Attended(Agency.ChildrenSocialCare, "A. Worker", "Social worker"),
            Samples.Attended(Agency.Health, "Dr Example", "Designated doctor"), Samples.Attended(Agency.Police, "DS Example", "Detective sergeant"));

    /// <summary>A practitioner's discussion for the child, attended by all three agencies and concluded now.</summary>
    public static async Task<Contracts.Strategy.V1.StrategyDiscussion> ConcludedAsync(
        this StrategyApp app, ChildIdentity child, bool s47 = false, params TimeSpan[] actionsDueAfter)
    {
        var required = await app.RequireAsync(child);
        await app.AllAttendAsync(required.DiscussionId);
        return await app.Client().ConcludeDiscussionAsync(
            Samples.Conclude(required.DiscussionId, Samples.Decisions(app.Clock.GetUtcNow(), s47, actionsDueAfter)), app.As());
    }

    /// <summary>The events of one type raised about the child, in the outbox.</summary>
    public static Task<List<OutboxMessage>> OutboxForAsync<TEvent>(this StrategyApp app, ChildIdentity child) where TEvent : IMessage<TEvent>, new()
    {
        var childKey = app.ChildKey(child);
        var type = new TEvent().Descriptor.FullName;
        return app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.SessionId == childKey && m.Type == type).OrderBy(m => m.Sequence).ToListAsync());
    }
}
