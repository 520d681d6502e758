using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Google.Rpc;
using Grpc.Core;
using Mash.Platform.Audit;
using PractitionerSource = Mash.Contracts.Common.V1.PractitionerSource;

namespace Mash.Platform.Tests.Audit;

public sealed class PractitionerAuditTests
{
    private static readonly ClaimsPrincipal AppToken = new(new ClaimsIdentity([new Claim("oid", "service-principal-of-the-app"), new Claim("roles", "Referral.Read")], "test"));

    private static Metadata Headers(params (string Key, string Value)[] pairs)
    {
        var headers = new Metadata();
        foreach (var (key, value) in pairs)
        {
            headers.Add(key, value);
        }

        return headers;
    }

    [Fact]
    public void The_calling_system_names_the_practitioner_in_metadata_and_vouches_for_them()
    {
        var practitioner = PractitionerHeaders.From(
            Headers((PractitionerHeaders.Id, "sw-4411"), (PractitionerHeaders.Name, "Zo%C3%AB Adebayo"), (PractitionerHeaders.Role, "social worker")), AppToken);

        Assert.Equal(new Practitioner("sw-4411", "Zoë Adebayo", "social worker", PractitionerSource.CallerMetadata), practitioner);
    }

    [Fact]
    public void Without_metadata_or_a_delegated_token_no_practitioner_is_named_even_if_the_app_token_has_an_oid()
    {
        Assert.Equal(Practitioner.None, PractitionerHeaders.From(Headers(), AppToken));
    }

    [Fact]
    public void A_delegated_user_token_names_the_person_by_its_oid_and_name()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("oid", "7f1c0e7a-0000-4000-8000-000000000001"), new Claim("name", "DC Sam Hill"), new Claim("scp", "access_as_user")], "test"));

        var practitioner = PractitionerHeaders.From(Headers((PractitionerHeaders.Role, "detective constable")), user);

        Assert.Equal(new Practitioner("7f1c0e7a-0000-4000-8000-000000000001", "DC Sam Hill", "detective constable", PractitionerSource.DelegatedToken), practitioner);
    }

    [Fact]
    public void Metadata_naming_another_person_than_the_delegated_token_is_refused()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("oid", "user-a"), new Claim("scp", "access_as_user")], "test"));

        var refused = Assert.Throws<RpcException>(() => PractitionerHeaders.From(Headers((PractitionerHeaders.Id, "user-b")), user));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
    }

    public static TheoryData<string, string, string> Malformed() => new()
    {
        { PractitionerHeaders.Id, new string('x', PractitionerHeaders.MaxIdLength + 1), "At most 128" },
        { PractitionerHeaders.Name, new string('n', PractitionerHeaders.MaxNameLength + 1), "At most 200" },
        { PractitionerHeaders.Role, new string('r', PractitionerHeaders.MaxRoleLength + 1), "At most 100" },
        { PractitionerHeaders.Name, "Sam%0AHill", "Control characters" },
        { PractitionerHeaders.Id, "sw%00", "Control characters" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_practitioner_field_too_long_or_with_control_characters_is_invalid_argument_naming_it(string header, string value, string why)
    {
        var headers = Headers((PractitionerHeaders.Id, "sw-1"));
        if (header == PractitionerHeaders.Id)
        {
            headers = Headers((header, value));
        }
        else
        {
            headers.Add(header, value);
        }

        var refused = Assert.Throws<RpcException>(() => PractitionerHeaders.From(headers, AppToken));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        var violation = Assert.Single(refused.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations);
        Assert.Equal(header, violation.Field);
        Assert.Contains(why, violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_or_role_without_the_practitioners_id_is_refused()
    {
        var refused = Assert.Throws<RpcException>(() => PractitionerHeaders.From(Headers((PractitionerHeaders.Name, "Sam Hill")), AppToken));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
    }

    [Fact]
    public void An_entry_without_a_practitioner_keeps_the_hash_it_had_before_practitioners_were_recorded()
    {
        var entry = new AuditEntry
        {
            Sequence = 7, OccurredAt = new DateTime(2026, 3, 2, 9, 15, 0, DateTimeKind.Utc), Agency = "police", ClientId = "police-mash",
            Method = "/mash.referral.v1.ReferralService/GetReferral", ChildKey = "child-key", RecordId = "ref_1", Purpose = "MASH screening",
            LawfulBasis = "LAWFUL_BASIS_PUBLIC_TASK", Outcome = "OK", PreviousHash = AuditHasher.Genesis,
        };
        // The first version's canonical form, written out: chains written before still verify.
        var v1 = JsonSerializer.Serialize(new[]
        {
            "mash-audit-v1", entry.PreviousHash, "7", entry.OccurredAt.Ticks.ToString(CultureInfo.InvariantCulture),
            entry.Agency, entry.ClientId, entry.Method, entry.ChildKey, entry.RecordId, entry.Purpose, entry.LawfulBasis, entry.Outcome,
        });

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(v1))), AuditHasher.Compute(entry));

        entry.PractitionerId = "sw-4411";
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(v1))), AuditHasher.Compute(entry));
    }
}
