using System.Text.Json;
using Grpc.Core;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Governance.V1;
using Mash.Node.Hosting;
using Mash.Testing.Nodes;

namespace Mash.EndToEnd.Tests.TwoNodes;

/// <summary>A data protection officer at each node: who saw the child, what was shared and under which agreement, whether the trails hold.</summary>
[Collection(TwoNodesCollection.Name)]
public sealed class GovernanceTests(TwoNodesFixture nodes)
{
    private static async Task<Metadata> AsPractitionerAsync(NodeClient node, string client, string id, string name, string role)
    {
        var headers = await node.AsAsync(client);
        headers.Add("x-mash-practitioner-id", id);
        headers.Add("x-mash-practitioner-name", Uri.EscapeDataString(name));
        headers.Add("x-mash-practitioner-role", role);
        return headers;
    }

    private async Task<string> RaiseFlagAsync(ChildIdentity child)
    {
        var flag = await nodes.Police.Assessments().RaiseCseFlagAsync(CseFlags.Sample(child), await AsPractitionerAsync(nodes.Police, "police-mash", "dc-2231", "DC Sam Hill", "detective constable"));
        return flag.FlagId;
    }

    [Fact]
    public async Task A_flag_shared_by_police_and_opened_at_social_care_is_in_the_police_access_list_with_who_opened_it()
    {
        var child = TestChildren.New("Governance");
        var flagId = await RaiseFlagAsync(child);
        var reader = await AsPractitionerAsync(nodes.SocialCare, "social-care-mash", "sw-4411", "Zoë Adebayo", "social worker");
        await Eventually.Get(async () =>
        {
            var profile = await nodes.SocialCare.Assessments().GetChildRiskProfileAsync(new GetChildRiskProfileRequest { Child = child }, reader);
            return profile.PartnerEntries.Count > 0 ? profile : null;
        }, what: "the police flag at social care");

        var dpo = await nodes.Police.AsAsync("police-dpo");
        var opened = await Eventually.Get(async () =>
        {
            var accesses = await nodes.Police.Governance().ListChildAccessesAsync(new ListChildAccessesRequest { Child = child }, dpo);
            return accesses.Accesses.FirstOrDefault(a => a.AccessedAtNode == NodeOptions.SocialCareNodeId);
        }, what: "social care's access notice at police");

        Assert.Equal((Agency.ChildrenSocialCare, "social-care-mash", flagId, "assessment"), (opened.Agency, opened.ClientId, opened.RecordId, opened.Service));
        Assert.Equal(("sw-4411", "Zoë Adebayo", "social worker", PractitionerSource.CallerMetadata),
            (opened.Practitioner.Id, opened.Practitioner.Name, opened.Practitioner.Role, opened.Practitioner.Source));
        Assert.EndsWith("/GetChildRiskProfile", opened.Method, StringComparison.Ordinal);

        // The police's own raising of the flag is there too, newest first, with its practitioner.
        var all = (await nodes.Police.Governance().ListChildAccessesAsync(new ListChildAccessesRequest { Child = child }, dpo)).Accesses;
        var raised = Assert.Single(all, a => a.Method.EndsWith("/RaiseCseFlag", StringComparison.Ordinal));
        Assert.Equal(("police-mash", "dc-2231", ""), (raised.ClientId, raised.Practitioner.Id, raised.AccessedAtNode));
        Assert.Equal(all.OrderByDescending(a => a.OccurredAt.ToDateTime()).ThenByDescending(a => a.Sequence).Select(a => a.Sequence), all.Select(a => a.Sequence));
    }

    [Fact]
    public async Task The_police_dpo_sees_what_was_shared_under_which_agreement_and_that_social_care_stored_it()
    {
        var child = TestChildren.New("Disclosed");
        var flagId = await RaiseFlagAsync(child);
        var dpo = await nodes.Police.AsAsync("police-dpo");

        var disclosure = await Eventually.Get(async () =>
        {
            var list = await nodes.Police.Governance().ListDisclosuresAsync(new ListDisclosuresRequest { Child = child }, dpo);
            return list.Disclosures.FirstOrDefault(d => d.RecordId == flagId && d.Receipts.Count > 0);
        }, what: "the flag's disclosure with social care's receipt");

        Assert.True(disclosure.Shared);
        Assert.Equal((DataCategory.CseFlag, NodeOptions.SocialCareNodeId, Agency.ChildrenSocialCare, "LOCAL-ISA-POLICE-TO-SOCIAL-CARE", LawfulBasis.LawEnforcement),
            (disclosure.Category, disclosure.RecipientNode, disclosure.RecipientAgency, disclosure.AgreementId, disclosure.LawfulBasis));
        Assert.Equal(NodeOptions.SocialCareNodeId, Assert.Single(disclosure.Receipts).Node);

        var agreements = await nodes.Police.Governance().ListAgreementsAsync(new ListAgreementsRequest(), dpo);
        var agreement = Assert.Single(agreements.Agreements);
        Assert.True(agreement.InForce);
        Assert.Equal(["assessment", "custody", "investigation", "offender", "referral", "strategy"], agreement.HeldBy);
    }

    [Fact]
    public async Task Without_the_role_the_governance_calls_are_refused_and_an_unknown_child_has_an_empty_answer()
    {
        var caller = await nodes.Police.AsAsync("police-mash");
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await nodes.Police.Governance().ListChildAccessesAsync(new ListChildAccessesRequest { Child = TestChildren.New() }, caller));
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);

        var dpo = await nodes.SocialCare.AsAsync("social-care-dpo");
        var unknown = await nodes.SocialCare.Governance().ListChildAccessesAsync(new ListChildAccessesRequest { Child = TestChildren.New("Nobody") }, dpo);
        // Nothing, as for any child never seen here: the answer says nothing of other nodes.
        Assert.Empty(unknown.Accesses);
    }

    [Fact]
    public async Task The_operator_verifies_every_chain_and_the_export_holds_the_childs_records_and_its_own_audit()
    {
        var child = TestChildren.New("Exported");
        var flagId = await RaiseFlagAsync(child);

        var verified = await nodes.Police.Governance().VerifyAuditChainsAsync(new VerifyAuditChainsRequest(), await nodes.Police.AsAsync("ops-admin"));
        Assert.True(verified.AllIntact, string.Join("; ", verified.Services.Select(s => $"{s.Service}: {s.Problem}")));
        Assert.Equal(ServiceSpec.All.Count, verified.Services.Count);

        var dpo = await nodes.Police.AsAsync("police-dpo");
        var export = await nodes.Police.Governance().ExportChildRecordsAsync(new ExportChildRecordsRequest { Child = child }, dpo);
        using var document = JsonDocument.Parse(export.DocumentJson);
        var services = document.RootElement.GetProperty("services").EnumerateArray().ToDictionary(s => s.GetProperty("service").GetString()!);
        var flags = services["assessment"].GetProperty("records").EnumerateArray().Where(r => r.GetProperty("type").GetString() == "mash.assessment.v1.CseFlag");
        Assert.Contains(flags, r => r.GetProperty("record").GetProperty("flagId").GetString() == flagId);
        // The police DPO holds Offender.ReadSummary only: the restricted detail is said to be withheld.
        Assert.NotEmpty(services["offender"].GetProperty("recordsWithheld").EnumerateArray());

        var accesses = await nodes.Police.Governance().ListChildAccessesAsync(new ListChildAccessesRequest { Child = child }, dpo);
        Assert.Contains(accesses.Accesses, a => a.ClientId == "police-dpo" && a.RecordId == "governance:export");
    }

    [Fact]
    public async Task Over_rest_the_social_care_dpo_lists_who_saw_a_child_with_the_child_in_the_body()
    {
        var child = TestChildren.New("Rest");
        await RaiseFlagAsync(child);
        var socialCare = nodes.SocialCare;
        await Eventually.Get(async () =>
        {
            var profile = await socialCare.Assessments().GetChildRiskProfileAsync(new GetChildRiskProfileRequest { Child = child }, await socialCare.AsAsync("social-care-mash"));
            return profile.PartnerEntries.Count > 0 ? profile : null;
        }, what: "the police flag at social care");

        using var search = new HttpRequestMessage(HttpMethod.Post, new Uri($"{socialCare.Options.GatewayHttpAddress}/v1/governance/accesses:search"))
        {
            Content = new StringContent(JsonSerializer.Serialize(new { child = new { nhsNumber = child.NhsNumber } }), System.Text.Encoding.UTF8, "application/json"),
        };
        search.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await socialCare.TokenAsync("social-care-dpo"));
        search.Headers.Add("x-mash-purpose", "Subject access request");
        search.Headers.Add("x-mash-lawful-basis", "LAWFUL_BASIS_PUBLIC_TASK");
        using var answer = await socialCare.Http.SendAsync(search);

        Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        var accesses = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("accesses").EnumerateArray().ToList();
        Assert.Contains(accesses, a => a.GetProperty("method").GetString()!.EndsWith("/GetChildRiskProfile", StringComparison.Ordinal)
            && a.GetProperty("clientId").GetString() == "social-care-mash");
    }

    [Fact]
    public async Task A_strategy_discussion_shared_by_police_and_listed_at_social_care_is_in_the_police_access_list()
    {
        var child = TestChildren.New("Discussed");
        await RaiseFlagAsync(child); // a high flag makes a discussion required at police, shared with social care at once
        var reader = await AsPractitionerAsync(nodes.SocialCare, "social-care-mash", "sw-7001", "Ali Khan", "team manager");
        var copy = await Eventually.Get(async () =>
        {
            var list = await nodes.SocialCare.Strategy().ListDiscussionsAsync(new Mash.Contracts.Strategy.V1.ListDiscussionsRequest { Child = child }, reader);
            return list.Discussions.FirstOrDefault();
        }, what: "the police discussion at social care");

        var dpo = await nodes.Police.AsAsync("police-dpo");
        var opened = await Eventually.Get(async () =>
        {
            var accesses = await nodes.Police.Governance().ListChildAccessesAsync(new ListChildAccessesRequest { Child = child }, dpo);
            return accesses.Accesses.FirstOrDefault(a => a.AccessedAtNode == NodeOptions.SocialCareNodeId && a.Service == "strategy");
        }, what: "social care's access notice for the discussion at police");

        Assert.Equal((copy.DiscussionId, "sw-7001"), (opened.RecordId, opened.Practitioner.Id));
    }
}
