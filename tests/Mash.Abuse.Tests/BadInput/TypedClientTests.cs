using Google.Rpc;
using Grpc.Core;
using Mash.Abuse.Tests.Access;
using Mash.Abuse.Tests.Infrastructure;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Referral.V1;
using Mash.Testing.Nodes;

namespace Mash.Abuse.Tests.BadInput;

/// <summary>Invalid values sent the way a partner's generated client sends them: INVALID_ARGUMENT naming the field.</summary>
[Collection(AbuseCollection.Name)]
public sealed class TypedClientTests(AbuseNode node)
{
    public static readonly TheoryData<string, string> Cases = new()
    {
        { "nhs-check-digit", "details.child.nhs_number" },
        { "nhs-letters", "details.child.nhs_number" },
        { "nhs-eleven-digits", "details.child.nhs_number" },
        { "born-in-the-future", "details.child.date_of_birth" },
        { "month-thirteen", "details.child.date_of_birth" },
        { "sex-out-of-range", "details.child.sex" },
        { "category-out-of-range", "details.concern.category" },
        { "lawful-basis-out-of-range", "details.lawful_basis" },
        { "no-concern", "details.concern.description" },
        { "key-too-long", "idempotency_key" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_referral_with_an_invalid_value_is_refused_naming_the_field(string kind, string field)
    {
        var request = Referrals.Sample("typed-" + kind + "-" + Guid.NewGuid().ToString("N"));
        var child = request.Details.Child;
        switch (kind)
        {
            case "nhs-check-digit": child.NhsNumber = "4010232138"; break;
            case "nhs-letters": child.NhsNumber = "40102321AB"; break;
            case "nhs-eleven-digits": child.NhsNumber = "40102321370"; break;
            case "born-in-the-future": child.DateOfBirth = new Date { Year = DateTime.UtcNow.Year + 2, Month = 1, Day = 1 }; break;
            case "month-thirteen": child.DateOfBirth = new Date { Year = 2015, Month = 13, Day = 1 }; break;
            case "sex-out-of-range": child.Sex = (Sex)99; break;
            case "category-out-of-range": request.Details.Concern.Category = (AbuseCategory)42; break;
            case "lawful-basis-out-of-range": request.Details.LawfulBasis = (LawfulBasis)77; break;
            case "no-concern": request.Details.Concern.Description = ""; break;
            case "key-too-long": request.IdempotencyKey = new string('k', 129); break;
        }

        var headers = NodeClient.Headers(node.Tokens.WithRoles(RoleTable.Roles));
        var refused = await Assert.ThrowsAsync<RpcException>(() => node.Client.Referrals().SubmitReferralAsync(request, headers).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        var violations = refused.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];
        Assert.True(violations.Contains(field), $"{kind}: violations {string.Join(", ", violations)}; message '{refused.Status.Detail}'");
    }
}
