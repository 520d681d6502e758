using Mash.Testing.Postgres;
using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Strategy.V1;
using Mash.StrategyDiscussion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Mash.StrategyDiscussion.Tests.Functional;

/// <summary>A practitioner's own judgement that a discussion is needed, and follow-ups to concluded ones.</summary>
public sealed class RequireDiscussionTests(StrategyApp app) : RequireDiscussionScenarios(app), IClassFixture<StrategyApp>;

/// <summary>The same scenarios with the service on PostgreSQL.</summary>
public sealed class RequireDiscussionPostgreSqlTests(StrategyPostgreSqlApp app) : RequireDiscussionScenarios(PostgreSqlFixture.Require(app)), IClassFixture<StrategyPostgreSqlApp>;

/// <summary>Run on each database provider.</summary>
public abstract class RequireDiscussionScenarios(StrategyApp app)
{
    private Task<int> CountFor(ChildIdentity child) =>
        app.WithDbAsync(db => db.Discussions.CountAsync(d => d.ChildKey == app.ChildKey(child)));

    [SkippableFact]
    public async Task A_retry_with_the_same_key_returns_the_same_discussion_and_another_body_is_refused()
    {
        var child = Samples.Child();
        var request = Samples.Require(child, key: "practitioner-1");

        var first = await app.Client().RequireDiscussionAsync(request, app.As());
        var retry = await app.Client().RequireDiscussionAsync(request, app.As());
        var other = request.Clone();
        other.Reason = "Another concern altogether.";
        await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => app.Client().RequireDiscussionAsync(other, app.As()).ResponseAsync);

        Assert.Equal(first, retry);
        Assert.Equal((DiscussionStatus.Required, DiscussionTrigger.Practitioner), (first.Status, first.Trigger));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, first.RequiredAt.ToDateTime());
        Assert.Equal(app.Clock.GetUtcNow().AddDays(3).UtcDateTime, first.DueAt.ToDateTime());
        Assert.Equal(1, await CountFor(child));
    }

    [SkippableFact]
    public async Task The_same_key_from_another_client_is_another_request()
    {
        var request = Samples.Require(Samples.Child(), key: "shared-key");
        await app.Client().RequireDiscussionAsync(request, app.As());
        request.Child = Samples.Child();
        var other = await app.Client().RequireDiscussionAsync(request, app.As("health-mash", "health"));
        Assert.Equal(DiscussionStatus.Required, other.Status);
    }

    [SkippableFact]
    public async Task Every_bad_field_is_named_and_nothing_is_stored()
    {
        var request = new RequireDiscussionRequest { IdempotencyKey = "bad key", Child = new ChildIdentity { NhsNumber = "9434765918" } };
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => app.Client().RequireDiscussionAsync(request, app.As()).ResponseAsync);
        Assert.Equal(["idempotency_key", "child.nhs_number", "reason"], RpcAssert.ViolatedFields(error));
    }

    [SkippableFact]
    public async Task A_child_without_an_nhs_number_needs_a_name_and_date_of_birth_and_is_an_unconfirmed_match()
    {
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            app.Client().RequireDiscussionAsync(Samples.Require(new ChildIdentity { Sex = Sex.Male }), app.As()).ResponseAsync);
        Assert.Equal(["child.family_name", "child.date_of_birth"], RpcAssert.ViolatedFields(error));

        var child = Samples.Child();
        child.NhsNumber = "";
        child.GivenName = "Unconfirmed" + Guid.NewGuid().ToString("N");
        Assert.Equal(ChildMatchStatus.Unconfirmed, (await app.RequireAsync(child)).ChildMatch);
    }

    [SkippableFact]
    public async Task A_child_has_one_open_discussion_at_a_time()
    {
        var child = Samples.Child();
        var open = await app.RequireAsync(child);

        var refused = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => app.RequireAsync(child));

        Assert.Contains(open.DiscussionId, refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(1, await CountFor(child));
    }

    [SkippableFact]
    public async Task A_follow_up_links_to_the_first_discussion_of_its_chain()
    {
        var child = Samples.Child();
        var first = await app.ConcludedAsync(child);

        var second = await app.Client().RequireDiscussionAsync(Samples.Require(null, follows: first.DiscussionId), app.As());
        await app.AllAttendAsync(second.DiscussionId);
        await app.Client().ConcludeDiscussionAsync(Samples.Conclude(second.DiscussionId, Samples.Decisions(app.Clock.GetUtcNow())), app.As());
        var third = await app.Client().RequireDiscussionAsync(Samples.Require(child, follows: second.DiscussionId), app.As());

        Assert.Equal((DiscussionTrigger.FollowUp, first.DiscussionId, child), (second.Trigger, second.FollowsDiscussionId, second.Child));
        Assert.Equal((DiscussionTrigger.FollowUp, first.DiscussionId), (third.Trigger, third.FollowsDiscussionId));
        Assert.Equal(DiscussionStatus.Required, third.Status);
    }

    [SkippableFact]
    public async Task A_follow_up_needs_a_concluded_discussion_of_the_same_child()
    {
        var child = Samples.Child();
        var open = await app.RequireAsync(child);

        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () =>
            app.Client().RequireDiscussionAsync(Samples.Require(null, follows: open.DiscussionId), app.As()).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, () =>
            app.Client().RequireDiscussionAsync(Samples.Require(null, follows: "dsc_missing"), app.As()).ResponseAsync);

        var concluded = await app.ConcludedAsync(Samples.Child());
        var wrongChild = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            app.Client().RequireDiscussionAsync(Samples.Require(Samples.Child(), follows: concluded.DiscussionId), app.As()).ResponseAsync);
        Assert.Equal(["child"], RpcAssert.ViolatedFields(wrongChild));
    }
}
