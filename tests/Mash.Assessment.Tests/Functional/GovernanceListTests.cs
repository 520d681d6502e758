using Grpc.Net.Client;
using Mash.Assessment.Tests.Support;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Governance.V1;
using Mash.Platform.Auth;
using Mash.Testing.Postgres;

namespace Mash.Assessment.Tests.Functional;

public sealed class GovernanceListTests(AssessmentApp app) : GovernanceListScenarios(app), IClassFixture<AssessmentApp>;

public sealed class GovernanceListPostgreSqlTests(AssessmentPostgreSqlApp app) : GovernanceListScenarios(PostgreSqlFixture.Require(app)), IClassFixture<AssessmentPostgreSqlApp>;

/// <summary>The service's part of "who accessed this child" and "what was shared", on each database.</summary>
public abstract class GovernanceListScenarios(AssessmentApp app)
{
    private ServiceGovernance.ServiceGovernanceClient Governance() =>
        new(GrpcChannel.ForAddress(app.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = app.Server.CreateHandler() }));

    [SkippableFact]
    public async Task A_childs_accesses_come_newest_first_in_pages_and_what_was_shared_names_the_agreement()
    {
        var child = Samples.Child();
        var flag = await app.Client().RaiseCseFlagAsync(Samples.Raise(child, key: Guid.NewGuid().ToString("N")), app.As());
        for (var read = 0; read < 2; read++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(10));
            await app.Client().GetChildRiskProfileAsync(new GetChildRiskProfileRequest { Child = child }, app.As());
        }

        var dpo = app.As(roles: MashRoles.GovernanceRead);
        var first = await Governance().ListChildAccessesAsync(new ListChildAccessesRequest { Child = child, Page = new() { PageSize = 2 } }, dpo);
        var second = await Governance().ListChildAccessesAsync(
            new ListChildAccessesRequest { Child = child, Page = new() { PageSize = 2, PageToken = first.NextPageToken } }, dpo);

        var methods = first.Accesses.Concat(second.Accesses).Select(a => a.Method.Split('/')[^1]).ToList();
        Assert.Equal(["GetChildRiskProfile", "GetChildRiskProfile", "RaiseCseFlag"], methods);
        Assert.Equal("", second.NextPageToken);
        Assert.Equal(flag.FlagId, second.Accesses.Single().RecordId);

        var shared = Assert.Single((await Governance().ListDisclosuresAsync(new ListDisclosuresRequest { Child = child }, dpo)).Disclosures);
        Assert.Equal((true, "local-social-care", "TEST-ISA-local-social-care", flag.FlagId, DataCategory.CseFlag),
            (shared.Shared, shared.RecipientNode, shared.AgreementId, shared.RecordId, shared.Category));
    }
}
