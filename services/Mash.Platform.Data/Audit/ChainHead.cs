using Mash.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mash.Platform.Audit;

/// <summary>The chain's last entry, which the next one links to.</summary>
internal readonly record struct ChainHead(long Sequence, string Hash)
{
    public static async Task<ChainHead> ReadAsync(AuditedDbContext db)
    {
        var last = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync();
        return last is null ? new ChainHead(0, AuditHasher.Genesis) : new ChainHead(last.Sequence, last.Hash);
    }

    /// <summary>The call's entries, one per touched record, chained on from this head.</summary>
    public List<AuditEntry> Extend(AuditedCall call, DateTime occurredAt)
    {
        var entries = new List<AuditEntry>(call.Subjects.Count);
        var (sequence, previousHash) = (Sequence, Hash);
        foreach (var subject in call.Subjects)
        {
            var entry = new AuditEntry
            {
                Sequence = ++sequence,
                OccurredAt = call.AccessedAt ?? occurredAt,
                Agency = call.Agency,
                ClientId = call.ClientId,
                Method = call.Method,
                ChildKey = subject.ChildKey,
                RecordId = subject.RecordId,
                Purpose = call.Purpose,
                LawfulBasis = call.LawfulBasis,
                Outcome = call.Outcome,
                PractitionerId = call.Practitioner.Id,
                PractitionerName = call.Practitioner.Name,
                PractitionerRole = call.Practitioner.Role,
                PractitionerSource = call.Practitioner.Source,
                AccessedAtNode = call.AccessedAtNode,
                PreviousHash = previousHash,
            };
            entry.Hash = AuditHasher.Compute(entry);
            previousHash = entry.Hash;
            entries.Add(entry);
        }

        return entries;
    }
}
