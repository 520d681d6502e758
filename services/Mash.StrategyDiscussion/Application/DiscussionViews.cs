using Mash.Contracts.Common.V1;
using Mash.Platform.Eventing.Receipts;
using Mash.Platform.Identity;
using Mash.StrategyDiscussion.Data;
using Microsoft.EntityFrameworkCore;
using Mash.StrategyDiscussion.IntegrationEvents;

namespace Mash.StrategyDiscussion.Application;

/// <summary>
/// Discussions as this node shows them. A partner's discussion names the child as this node knows
/// them: by this node's own discussion about the same child, else by what the node's other services
/// recorded of the child, matched by the child key (the NHS number's keyed hash); a copy with no match
/// here is marked unconfirmed. A discussion held here shows the partner nodes that stored it.
/// </summary>
internal sealed class DiscussionViews(StrategyDbContext db)
{
    /// <summary>The contract for each record: the partners' copies named, this node's with their receipts.</summary>
    public async Task<List<Contracts.Strategy.V1.StrategyDiscussion>> ToContractsAsync(
        IReadOnlyCollection<DiscussionRecord> records, DateTime nowUtc, ChildIdentity? asLookedUp, CancellationToken cancellationToken)
    {
        var unnamed = records.Where(r => r.Received).Select(r => r.ChildKey).Distinct().ToList();
        var known = asLookedUp is not null || unnamed.Count == 0 ? [] : await KnownAsync(unnamed, cancellationToken);
        var held = records.Where(r => !r.Received).Select(r => r.Id).ToList();
        var receipts = await DeliveryReceipts.HeldByAsync(db, held, cancellationToken);
        return [.. records.Select(r =>
        {
            var discussion = r.ToContract(nowUtc);
            if (r.Received)
            {
                discussion.Child = asLookedUp ?? known.GetValueOrDefault(r.ChildKey);
                discussion.ChildMatch = discussion.Child is not null && ChildIdentityRules.IsConfirmed(discussion.Child)
                    ? ChildMatchStatus.Confirmed
                    : ChildMatchStatus.Unconfirmed;
            }
            else
            {
                discussion.HeldByPartners.AddRange(receipts[r.Id]);
            }

            return discussion;
        })];
    }

    private async Task<Dictionary<string, ChildIdentity>> KnownAsync(List<string> childKeys, CancellationToken cancellationToken)
    {
        var held = await db.Discussions.AsNoTracking().Where(d => !d.Received && childKeys.Contains(d.ChildKey))
            .Select(d => new { d.ChildKey, d.RequiredAt, d.Child }).ToListAsync(cancellationToken);
        var names = await KnownChildren.NamesAsync(db, childKeys, cancellationToken);
        // This node's own discussion about the child names them as its practitioners did.
        foreach (var child in held.Where(d => d.Child.Length > 0).GroupBy(d => d.ChildKey))
        {
            names[child.Key] = ChildIdentity.Parser.ParseFrom(child.MaxBy(d => d.RequiredAt)!.Child);
        }

        return names;
    }
}
