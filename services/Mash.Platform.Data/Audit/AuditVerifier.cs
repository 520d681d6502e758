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
        var previousHash = AuditHasher.Genesis;
        long expectedSequence = 1, count = 0;
        foreach (var entry in entriesInOrder)
        {
            count++;
            if (entry.Sequence != expectedSequence)
            {
                return new(false, count, entry.Sequence, $"expected entry {expectedSequence}, found {entry.Sequence}: entries were removed or reordered");
            }

            if (entry.PreviousHash != previousHash)
            {
                return new(false, count, entry.Sequence, "the link to the previous entry is broken");
            }

            if (AuditHasher.Compute(entry) != entry.Hash)
            {
                return new(false, count, entry.Sequence, "the entry was changed after it was written");
            }

            previousHash = entry.Hash;
            expectedSequence++;
        }

        return AuditVerification.Ok(count);
    }

    public static Task<AuditVerification> VerifyAsync(AuditedDbContext db, CancellationToken cancellationToken = default) =>
        Task.FromResult(Verify(db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsEnumerable()));
}
