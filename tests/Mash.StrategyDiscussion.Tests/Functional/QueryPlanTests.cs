using Mash.Contracts.Strategy.V1;
using Mash.StrategyDiscussion.Data;
using Mash.Testing.Data;

namespace Mash.StrategyDiscussion.Tests.Functional;

/// <summary>
/// The lookups each trigger and each keyed request make find their discussion through an index, however many
/// discussions are stored, on SQLite (which uses a partial index only when the query repeats its filter).
/// </summary>
public sealed class QueryPlanTests
{
    [Fact]
    public async Task The_discussion_a_trigger_started_is_found_through_its_index_not_by_reading_every_discussion()
    {
        await using var db = await QueryPlans.OnEmptyDatabaseAsync<StrategyDbContext>(options => new(options));

        await QueryPlans.AssertUsesIndexAsync(db, db.DiscussionIdsStartedBy(DiscussionTrigger.HighCseRisk, "flag-1"), "IX_Discussions_Trigger_SourceId");
    }

    [Fact]
    public async Task A_retried_request_finds_its_discussion_by_key_through_its_index()
    {
        await using var db = await QueryPlans.OnEmptyDatabaseAsync<StrategyDbContext>(options => new(options));

        await QueryPlans.AssertUsesIndexAsync(db, db.DiscussionsByIdempotencyKey("police-mash", "key-1"), "IX_Discussions_ClientId_IdempotencyKey");
    }
}
