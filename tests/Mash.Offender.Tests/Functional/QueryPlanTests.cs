using Mash.Offender.Data;
using Mash.Testing.Data;

namespace Mash.Offender.Tests.Functional;

/// <summary>A registration's check for the PNC id finds it through the index, however many offenders are registered.</summary>
public sealed class QueryPlanTests
{
    [Fact]
    public async Task An_offender_registered_with_a_pnc_id_is_found_through_its_index_not_by_reading_every_offender()
    {
        await using var db = await QueryPlans.OnEmptyDatabaseAsync<OffenderDbContext>(options => new(options));

        await QueryPlans.AssertUsesIndexAsync(db, db.OffenderIdsWithPnc("11/123456A"), "IX_Offenders_PncId");
    }
}
