using Mash.Referral.Data;
using Mash.Testing.Data;

namespace Mash.Referral.Tests.Functional;

/// <summary>
/// The one statement each submit runs before its save (the caller's key, then whether the child is new here) finds
/// both answers through an index, however many referrals are stored.
/// </summary>
public sealed class QueryPlanTests
{
    [Theory]
    [InlineData("IX_Referrals_OriginNode_ClientId_IdempotencyKey")]
    [InlineData("IX_Referrals_ChildKey")]
    public async Task A_submit_finds_its_key_and_the_childs_referrals_through_their_indexes(string index)
    {
        await using var db = await QueryPlans.OnEmptyDatabaseAsync<ReferralDbContext>(options => new(options));

        var query = ReferralDbContext.ByKeyThenOneOfChild.Compile()(db, "police-mash", "key-1", "child-key");

        await QueryPlans.AssertUsesIndexAsync(db, query, index);
    }
}
