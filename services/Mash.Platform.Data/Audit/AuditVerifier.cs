using Microsoft.EntityFrameworkCore;
using Mash.Platform.Persistence;

namespace Mash.Platform.Audit;

public sealed record AuditVerification(bool Intact, long EntriesChecked, long? FirstBrokenSequence, string Reason)
{
    public static AuditVerification Ok(long count) => new(true, count, null, "");
}

/// <summary>Walks the chain from the first entry and reports the first one that does not fit.</summary>
public static class AuditVerifier
{
    public static AuditVerification Verify(IEnumerable<AuditEntry> entriesInOrder)
    {
        var walk = new ChainWalk();
        foreach (var entry in entriesInOrder)
        {
            if (walk.Step(entry) is { } broken)
            {
                return broken;
            }
        }

        return AuditVerification.Ok(walk.Count);
    }

    /// <summary>Streams the chain from the database in order: memory stays flat however long it is.</summary>
    public static async Task<AuditVerification> VerifyAsync(AuditedDbContext db, CancellationToken cancellationToken = default)
    {
        var walk = new ChainWalk();
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (walk.Step(entry) is { } broken)
            {
                return broken;
            }
        }

        return AuditVerification.Ok(walk.Count);
    }

    private sealed class ChainWalk
    {
        private string _previousHash = AuditHasher.Genesis;
        private long _expectedSequence = 1;

        public long Count { get; private set; }

        /// <summary>Null while the chain holds; the first break otherwise.</summary>
        public AuditVerification? Step(AuditEntry entry)
        {
            Count++;
            if (entry.Sequence != _expectedSequence)
            {
                return new(false, Count, entry.Sequence, $"expected entry {_expectedSequence}, found {entry.Sequence}: entries were removed or reordered");
            }

            if (entry.PreviousHash != _previousHash)
            {
                return new(false, Count, entry.Sequence, "the link to the previous entry is broken");
            }

            if (AuditHasher.Compute(entry) != entry.Hash)
            {
                return new(false, Count, entry.Sequence, "the entry was changed after it was written");
            }

            _previousHash = entry.Hash;
            _expectedSequence++;
            return null;
        }
    }
}
