using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Figures.V1;
using Mash.Contracts.Investigation.V1;
using Mash.Testing.Nodes;

namespace Mash.EndToEnd.Tests.TwoNodes;

/// <summary>The partnership board asks a node for its figures: one call, every service's part, counts only.</summary>
[Collection(TwoNodesCollection.Name)]
public sealed class FiguresTests(TwoNodesFixture nodes)
{
    [Fact]
    public async Task The_board_gets_every_services_figures_for_the_period_in_one_call_and_gRPC_and_REST_agree_but_never_a_childs_record()
    {
        var police = nodes.Police;
        var board = await police.AsAsync("partnership-board");
        var to = DateTime.UtcNow.AddMinutes(1);
        var request = new GetPartnershipFiguresRequest { From = Timestamp.FromDateTime(to.AddDays(-30)), To = Timestamp.FromDateTime(to) };
        var before = await police.Figures().GetPartnershipFiguresAsync(request, board);
        await police.Assessments().RaiseCseFlagAsync(new RaiseCseFlagRequest
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"), Child = TestChildren.New("Figures"), Risk = CseRisk.High, Reason = "Older boyfriend, gifts",
            Evidence = "School report", LawfulBasis = LawfulBasis.SafeguardingOfChildren,
        }, await police.AsAsync("police-mash"));

        var after = await police.Figures().GetPartnershipFiguresAsync(request, board);

        Assert.Equal(["assessment", "custody", "investigation", "offender", "referral", "strategy"], after.Services.Order(StringComparer.Ordinal));
        Assert.Equal((before.Cse.Raised + 1, before.Cse.RaisedHigh + 1), (after.Cse.Raised, after.Cse.RaisedHigh));
        Assert.Equal(after.Cse.Raised, after.Cse.RaisedByMonth.Sum(m => m.Count));
        Assert.NotNull(after.Investigations.Devices);
        Assert.NotNull(after.Custody);
        Assert.Equal(3, after.Referrals.Stages.Count);

        using var rest = new HttpRequestMessage(HttpMethod.Get, new Uri(
            $"{police.Options.GatewayHttpAddress}/v1/figures?from={request.From.ToDateTime():O}&to={request.To.ToDateTime():O}"));
        rest.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await police.TokenAsync("partnership-board"));
        rest.Headers.Add("x-mash-purpose", "Partnership board");
        rest.Headers.Add("x-mash-lawful-basis", "LAWFUL_BASIS_PUBLIC_TASK");
        using var answer = await police.Http.SendAsync(rest);
        Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        var cse = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("cse");
        Assert.Equal(after.Cse.Raised, cse.GetProperty("raised").GetInt32());

        // The same figures as the board's page: one self-contained HTML document.
        using var page = new HttpRequestMessage(HttpMethod.Get, new Uri(
            $"{police.Options.GatewayHttpAddress}/v1/figures/report?from={request.From.ToDateTime():O}&to={request.To.ToDateTime():O}"));
        page.Headers.Authorization = rest.Headers.Authorization;
        page.Headers.Add("x-mash-purpose", "Partnership board");
        page.Headers.Add("x-mash-lawful-basis", "LAWFUL_BASIS_PUBLIC_TASK");
        using var html = await police.Http.SendAsync(page);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var document = await html.Content.ReadAsStringAsync();
        Assert.Contains($"data-figure=\"cse.raised\">{after.Cse.Raised}<", document, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", document, StringComparison.OrdinalIgnoreCase);

        var refused = await Assert.ThrowsAsync<RpcException>(() => police.Investigations()
            .ListStalledInvestigationsAsync(new ListStalledInvestigationsRequest(), board).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        var tooLong = await Assert.ThrowsAsync<RpcException>(() => police.Figures().GetPartnershipFiguresAsync(
            new GetPartnershipFiguresRequest { From = Timestamp.FromDateTime(to.AddDays(-500)), To = request.To }, board).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, tooLong.StatusCode);
    }
}
