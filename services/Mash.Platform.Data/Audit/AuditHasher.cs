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
        List<string> fields =
        [
            "mash-audit-v1",
            entry.PreviousHash,
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.OccurredAt.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture),
            entry.Agency, entry.ClientId, entry.Method, entry.ChildKey, entry.RecordId,
            entry.Purpose, entry.LawfulBasis, entry.Outcome,
        ];
        if (HasVersion2Fields(entry))
        {
            // Entries written before practitioners and access notices keep their v1 hashes, so
            // existing chains still verify; any entry with the newer fields covers them too.
            fields[0] = "mash-audit-v2";
            fields.AddRange([
                entry.PractitionerId, entry.PractitionerName, entry.PractitionerRole,
                ((int)entry.PractitionerSource).ToString(CultureInfo.InvariantCulture), entry.AccessedAtNode]);
        }

        var canonical = JsonSerializer.Serialize(fields);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static bool HasVersion2Fields(AuditEntry entry) =>
        entry.PractitionerId.Length > 0 || entry.PractitionerName.Length > 0 || entry.PractitionerRole.Length > 0
        || entry.PractitionerSource != Contracts.Common.V1.PractitionerSource.Unspecified || entry.AccessedAtNode.Length > 0;
}
