using System.Security.Claims;
using Grpc.Core;
using Mash.Platform.Errors;
using PractitionerSource = Mash.Contracts.Common.V1.PractitionerSource;

namespace Mash.Platform.Audit;

/// <summary>The person a partner system acted for, as every audit entry of the call records it.</summary>
public sealed record Practitioner(string Id, string Name, string Role, PractitionerSource Source)
{
    public static readonly Practitioner None = new("", "", "", PractitionerSource.Unspecified);

    public bool IsKnown => Id.Length > 0;

    /// <summary>
    /// One named by a source already trusted to be well formed (a validated token, a partner
    /// node's notice), cut to the audit's column lengths rather than refused.
    /// </summary>
    public static Practitioner WithinLimits(string id, string name, string role, PractitionerSource source) =>
        new(Clip(id, PractitionerHeaders.MaxIdLength), Clip(name, PractitionerHeaders.MaxNameLength), Clip(role, PractitionerHeaders.MaxRoleLength), source);

    private static string Clip(string value, int maxLength) => value.Length <= maxLength ? value : value[..maxLength];

    public Contracts.Common.V1.Practitioner ToContract() => IsKnown
        ? new() { Id = Id, Name = Name, Role = Role, Source = Source }
        : new();
}

/// <summary>
/// Where a call names its practitioner: the calling system's metadata (it vouches for the person,
/// and the audit records which client did), or a delegated user token (Entra ID <c>oid</c> and
/// <c>name</c>). Non-ASCII names travel percent-encoded (UTF-8), as gRPC metadata is ASCII.
/// </summary>
public static class PractitionerHeaders
{
    public const string Id = "x-mash-practitioner-id";
    public const string Name = "x-mash-practitioner-name";
    public const string Role = "x-mash-practitioner-role";

    public const int MaxIdLength = 128;
    public const int MaxNameLength = 200;
    public const int MaxRoleLength = 100;

    // Entra ID's claims; the long forms are what a token handler that maps claim types makes of them.
    private static readonly string[] ObjectIdClaims = ["oid", "http://schemas.microsoft.com/identity/claims/objectidentifier"];
    private static readonly string[] ScopeClaims = ["scp", "http://schemas.microsoft.com/identity/claims/scope"];

    /// <summary>The call's practitioner, or <see cref="Practitioner.None"/>; INVALID_ARGUMENT for a malformed one.</summary>
    public static Practitioner From(Metadata headers, ClaimsPrincipal user)
    {
        var violations = new FieldViolations();
        var id = Read(headers, Id, MaxIdLength, violations);
        var name = Read(headers, Name, MaxNameLength, violations);
        var role = Read(headers, Role, MaxRoleLength, violations);

        var delegatedUser = DelegatedUserOf(user);
        if (delegatedUser is { } oid)
        {
            // A user token says who the person is; a client may add the role, but not another id.
            violations.Require(id.Length == 0 || id == oid, Id, "The practitioner id differs from the delegated token's user (oid).");
            violations.ThrowIfAny("The practitioner metadata is invalid.");
            var tokenName = user.FindFirst("name")?.Value ?? "";
            return Practitioner.WithinLimits(oid, tokenName, role, PractitionerSource.DelegatedToken);
        }

        violations.Require(id.Length > 0 || (name.Length == 0 && role.Length == 0), Id,
            $"Name the practitioner's id in {Id} when sending their name or role.");
        violations.ThrowIfAny("The practitioner metadata is invalid.");
        return id.Length == 0 ? Practitioner.None : new Practitioner(id, name, role, PractitionerSource.CallerMetadata);
    }

    private static string? DelegatedUserOf(ClaimsPrincipal user)
    {
        // An application token has an oid too (the client's service principal): only a token with
        // delegated scopes stands for a signed-in person.
        var delegated = ScopeClaims.Any(type => user.FindFirst(type) is not null);
        var oid = ObjectIdClaims.Select(type => user.FindFirst(type)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        return delegated ? oid : null;
    }

    private static string Read(Metadata headers, string key, int maxLength, FieldViolations violations)
    {
        var raw = headers.GetValue(key);
        if (raw is null)
        {
            return "";
        }

        // Checked before decoding too: decoding a very long value is work a caller should not cause.
        if (raw.Length > maxLength * 9)
        {
            violations.Add(key, $"At most {maxLength} characters.");
            return "";
        }

        var value = Uri.UnescapeDataString(raw).Trim();
        violations.Require(value.Length <= maxLength, key, $"At most {maxLength} characters.");
        violations.Require(!value.Any(char.IsControl), key, "Control characters are not allowed.");
        return value;
    }
}
