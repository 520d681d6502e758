using Mash.Investigation.Data;
using Mash.Platform.Time;

namespace Mash.Investigation.Application;

/// <summary>An investigation as callers see it now: its clocks, and its stalls when a child of it is at high risk.</summary>
internal sealed class InvestigationViews(InvestigationStore store, InvestigationRules rules, ServiceClock clock)
{
    public async Task<Contracts.Investigation.V1.Investigation> GetAsync(string id, CancellationToken cancellationToken) =>
        await ViewAsync(await store.LoadAsync(id, tracked: false, cancellationToken), cancellationToken);

    public async Task<Contracts.Investigation.V1.Investigation> ViewAsync(InvestigationRecord record, CancellationToken cancellationToken)
    {
        var reasons = await HighRiskChildren.ReasonsAsync(store.Db, [.. record.Children.Select(c => c.ChildKey)], cancellationToken);
        return record.ToContract(clock.UtcNow, rules.For(record.Area), HighRiskChildren.For(record, reasons));
    }
}
