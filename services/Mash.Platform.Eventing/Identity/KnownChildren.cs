using Mash.Platform.Eventing;
using Google.Protobuf;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Platform.Audit;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Persistence;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Platform.Identity;

/// <summary>
/// A child as this node knows them, recorded by one of the node's services (a referral, a CSE flag,
/// an offender's link): the name a service gives what partners shared about that child.
/// </summary>
public sealed class KnownChildRecord
{
    public string ChildKey { get; set; } = "";
    /// <summary>mash.common.v1.ChildIdentity bytes, the latest recorded.</summary>
    public byte[] Child { get; set; } = [];
    public DateTime RecordedAt { get; set; }
}

/// <summary>The node's children, kept by the services that name partners' records (they handle <see cref="ChildRecorded"/>).</summary>
public static class KnownChildren
{
    /// <summary>The table, for a service that keeps the node's children.</summary>
    public static ModelBuilder HasKnownChildren(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<KnownChildRecord>(child =>
        {
            child.ToTable("KnownChildren");
            child.HasKey(c => c.ChildKey);
        });
        return modelBuilder;
    }

    /// <summary>The identity this node recorded for each child key it knows.</summary>
    public static async Task<Dictionary<string, ChildIdentity>> NamesAsync(MashDbContext db, IReadOnlyCollection<string> childKeys, CancellationToken cancellationToken)
    {
        var known = await db.Set<KnownChildRecord>().AsNoTracking().Where(c => childKeys.Contains(c.ChildKey))
            .Select(c => new { c.ChildKey, c.Child }).ToListAsync(cancellationToken);
        return known.ToDictionary(c => c.ChildKey, c => ChildIdentity.Parser.ParseFrom(c.Child), StringComparer.Ordinal);
    }
}

/// <summary>Another service of this node recorded a child: kept (the latest identity recorded wins).</summary>
public sealed class KnownChildrenHandler(MashDbContext db, CallAudit audit) : IIntegrationEventHandler<ChildRecorded>, IPreparesForEventGroup
{
    // Every referral of a new child brings one of these to each service that keeps the node's children: nearly always
    // a child not yet known, which the probe answers without EF Core's query.
    private static readonly RowProbe<KnownChildRecord> IsKnown = new(c => c.ChildKey);

    private static readonly PerModelQuery<Func<MashDbContext, string, CancellationToken, Task<KnownChildRecord?>>> Known =
        new(() => EF.CompileAsyncQuery((MashDbContext db, string childKey, CancellationToken _) =>
            db.Set<KnownChildRecord>().FirstOrDefault(c => c.ChildKey == childKey)));

    // A group applied together: which of its children were known before it (one round trip for the group, where alone
    // each event probes), and the records it staged, so that a child twice in one group is recorded once, the latest winning.
    private HashSet<string>? _knownBeforeGroup;
    private readonly Dictionary<string, KnownChildRecord> _staged = new(StringComparer.Ordinal);

    public async Task PrepareAsync(IReadOnlyList<EventEnvelope> group, CancellationToken cancellationToken)
    {
        var childKeys = group.Select(e => e.ChildKey).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        _knownBeforeGroup = await IsKnown.ExistingAsync(db, childKeys, cancellationToken);
    }

    public async Task HandleAsync(EventEnvelope envelope, ChildRecorded payload, CancellationToken cancellationToken)
    {
        if (payload.Child is null || envelope.ChildKey.Length == 0 || !Timestamps.TryUtc(payload.RecordedAt, out var recordedAt))
        {
            throw new UnprocessableEventException("IncompleteChild", "A ChildRecorded event needs the child, the child key and when it was recorded.");
        }

        audit.Touch(envelope.ChildKey, "known-child");
        if (!_staged.TryGetValue(envelope.ChildKey, out var known) && await IsKnownAsync(envelope.ChildKey, cancellationToken))
        {
            known = await Known.For(db)(db, envelope.ChildKey, cancellationToken);
        }

        if (known is null)
        {
            known = new KnownChildRecord { ChildKey = envelope.ChildKey, Child = payload.Child.ToByteArray(), RecordedAt = recordedAt };
            db.Set<KnownChildRecord>().Add(known);
        }
        else if (recordedAt >= known.RecordedAt)
        {
            known.Child = payload.Child.ToByteArray();
            known.RecordedAt = recordedAt;
        }

        _staged[envelope.ChildKey] = known;
    }

    private async Task<bool> IsKnownAsync(string childKey, CancellationToken cancellationToken) =>
        _knownBeforeGroup?.Contains(childKey) ?? await IsKnown.ExistsAsync(db, cancellationToken, childKey);
}
