using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mash.Contracts.Common.V1;

namespace Mash.Platform.Identity;

/// <summary>
/// The child key: a keyed hash (HMAC-SHA256 with the partnership's shared secret) that lets
/// nodes, audit entries and broker metadata refer to the same child without carrying the
/// NHS number or name in the clear. Without a valid NHS number the key is taken from the
/// demographics, so it identifies an unconfirmed match only.
/// </summary>
public sealed class ChildKeyHasher(byte[] partnershipSecret)
{
    public string KeyFor(ChildIdentity child)
    {
        if (NhsNumber.Check(child.NhsNumber, out var digits) == NhsNumber.Verdict.Valid)
        {
            return Hash("nhs:" + digits);
        }

        var dob = child.DateOfBirth is { } d
            ? string.Create(CultureInfo.InvariantCulture, $"{d.Year:D4}-{d.Month:D2}-{d.Day:D2}")
            : "";
        var postcode = (child.Address?.Postcode ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        // A JSON array keeps the fields apart whatever characters a name contains.
        return Hash(JsonSerializer.Serialize(new[] { "demo", Normalize(child.GivenName), Normalize(child.FamilyName), dob, child.Sex.ToString(), postcode }));
    }

    private static string Normalize(string value) => value.Trim().ToUpperInvariant();

    private string Hash(string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(partnershipSecret, Encoding.UTF8.GetBytes(value)));
}
