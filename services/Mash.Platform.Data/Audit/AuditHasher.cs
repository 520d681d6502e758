using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Mash.Platform.Audit;

/// <summary>The hash chain: any change, removal or reordering of an entry breaks every later link.</summary>
public static class AuditHasher
{
    /// <summary>The previous hash of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(AuditEntry entry)
    {
        // A JSON array: no field value can shift into its neighbour, whatever it contains.
        var canonical = JsonSerializer.Serialize(new[]
        {
            "mash-audit-v1",
            entry.PreviousHash,
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.OccurredAt.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture),
            entry.Agency, entry.ClientId, entry.Method, entry.ChildKey, entry.RecordId,
            entry.Purpose, entry.LawfulBasis, entry.Outcome,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
