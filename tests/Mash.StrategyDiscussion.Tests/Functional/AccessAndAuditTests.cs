using Mash.Testing.Postgres;
using Grpc.Core;
using Mash.Contracts.Strategy.V1;
using Mash.Platform.Audit;
using Mash.Platform.Auth;
using Mash.StrategyDiscussion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Mash.StrategyDiscussion.Tests.Functional;

public sealed class AccessAndAuditTests(StrategyApp app) : AccessAndAuditScenarios(app), IClassFixture<StrategyApp>;

/// <summary>The same scenarios with the service on PostgreSQL.</summary>
public sealed class AccessAndAuditPostgreSqlTests(StrategyPostgreSqlApp app) : AccessAndAuditScenarios(PostgreSqlFixture.Require(app)), IClassFixture<StrategyPostgreSqlApp>;

/// <summary>Run on each database provider.</summary>
public abstract class AccessAndAuditScenarios(StrategyApp app)
{
    private const string Service = "/mash.strategy.v1.StrategyDiscussionService/";

    [SkippableFact]
    public async Task Changing_a_discussion_needs_strategy_manage()
    {
        var child = Samples.Child();
        var reader = app.As("health-mash", AgencyNames.Health, MashRoles.StrategyRead);

        var denied = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => app.Client().RequireDiscussionAsync(Samples.Require(child), reader).ResponseAsync);
        Assert.Contains(MashRoles.StrategyManage, denied.Status.Detail, StringComparison.Ordinal);
        var required = await app.RequireAsync(child);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => app.Client().ConcludeDiscussionAsync(
            Samples.Conclude(required.DiscussionId, Samples.Decisions(app.Clock.GetUtcNow())), reader).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => app.Client().ListOverdueAsync(
            new ListOverdueRequest(), app.As("x", AgencyNames.Police, MashRoles.StrategyManage)).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => app.Client().ListOverdueAsync(new ListOverdueRequest()).ResponseAsync);

        Assert.Equal(required, await app.Client().GetDiscussionAsync(new GetDiscussionRequest { DiscussionId = required.DiscussionId }, reader));
        Assert.Equal(1, await app.WithDbAsync(db => db.Discussions.CountAsync(d => d.ChildKey == app.ChildKey(child))));
    }

    [SkippableFact]
    public async Task A_call_to_a_childs_record_must_state_its_purpose()
    {
        var metadata = app.As();
        metadata.Remove(metadata.Get("x-mash-purpose")!);
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => app.Client().RequireDiscussionAsync(Samples.Require(Samples.Child()), metadata).ResponseAsync);
        Assert.Equal(["x-mash-purpose"], RpcAssert.ViolatedFields(error));
    }

    [SkippableFact]
    public async Task Reads_and_writes_of_a_childs_discussions_are_audited_with_who_why_and_the_outcome()
    {
        var child = Samples.Child();
        var childKey = app.ChildKey(child);
        await app.DeliverTriggerAsync(Samples.Trigger(child, app.Clock.GetUtcNow()));
        var listed = await app.Client().ListDiscussionsAsync(new ListDiscussionsRequest { Child = child }, app.As("health-mash", AgencyNames.Health));
        var id = listed.Discussions.Single().DiscussionId;
        await app.Client().ScheduleDiscussionAsync(new ScheduleDiscussionRequest
        {
            DiscussionId = id,
            ScheduledFor = listed.Discussions[0].DueAt,
            Format = DiscussionFormat.Call,
        }, app.As());
        await Assert.ThrowsAsync<RpcException>(() => app.RequireAsync(child));

        var entries = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.ChildKey == childKey).OrderBy(e => e.Sequence).ToListAsync());

        Assert.Equal(
            ["event:mash.events.v1.StrategyDiscussionTriggered", Service + "ListDiscussions", Service + "ListDiscussions", Service + "ScheduleDiscussion", Service + "RequireDiscussion"],
            entries.Select(e => e.Method));
        Assert.Equal([id, "strategy-discussions", id, id, id], entries.Select(e => e.RecordId));
        Assert.Equal(["OK", "OK", "OK", "OK", "FailedPrecondition"], entries.Select(e => e.Outcome));
        Assert.Equal(["node:" + StrategyApp.NodeId, "health-mash", "health-mash", "social-care-mash", "social-care-mash"], entries.Select(e => e.ClientId));
        Assert.All(entries.Skip(1), e => Assert.Equal((StrategyApp.Purpose, "LAWFUL_BASIS_PUBLIC_TASK"), (e.Purpose, e.LawfulBasis)));
        Assert.True((await app.WithDbAsync(db => AuditVerifier.VerifyAsync(db))).Intact);
    }
}
