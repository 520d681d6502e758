using System.Data.Common;
using Mash.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mash.Platform.Audit;

/// <summary>The chain's last entry, which the next one links to.</summary>
internal readonly record struct ChainHead(long Sequence, string Hash)
{
    /// <summary>
    /// Takes the chain's database lock where there is one (<see cref="AuditChainDatabaseLock"/>) and reads
    /// the head, in one command: on PostgreSQL each command is a round trip to the server, and every commit
    /// starts with these two. Plain SQL on the batch's open transaction rather than EF Core's query pipeline
    /// (a few percent of a read's CPU); the names come from the model.
    /// </summary>
    public static async Task<ChainHead> LockAndReadAsync(AuditedDbContext db, DbTransaction transaction)
    {
        var takeLock = AuditChainDatabaseLock.Statement(db);
        var selectLast = AuditEntriesSql.For(db.Model).SelectLast;
        await using var lease = KeptStatements.Lease(db.Database.GetDbConnection(), takeLock is null ? selectLast : $"{takeLock}; {selectLast}");
        var command = lease.Command;
        command.Transaction = transaction;
        await using var reader = await command.ExecuteReaderAsync();
        if (takeLock is not null)
        {
            await reader.NextResultAsync();
        }

        return await reader.ReadAsync() ? new ChainHead(reader.GetInt64(0), reader.GetString(1)) : new ChainHead(0, AuditHasher.Genesis);
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
