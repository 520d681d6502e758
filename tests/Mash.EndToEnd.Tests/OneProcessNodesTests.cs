using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Encompass.V1;
using Mash.Contracts.Referral.V1;
using Mash.Node.Hosting;
using Mash.Testing.Nodes;

namespace Mash.EndToEnd.Tests;

/// <summary>
/// The embedded default as the README's run command starts it: each node's gateway and services in one host
/// process, both nodes at once. Every application answers on its own port with its own settings, and a case
/// still travels between the nodes.
/// </summary>
public sealed class OneProcessNodesTests : IAsyncLifetime
{
    private readonly RunningNodes _nodes = new();
    private string _data = "";
    private NodeClient _police = null!;
    private NodeClient _socialCare = null!;

    public async Task InitializeAsync()
    {
        _data = Directory.CreateTempSubdirectory("mash-e2e-one-process-").FullName;
        var options = NodeOptions.PoliceAndSocialCare(FreePorts.NodeBase(nodes: 2), _data, "one-process-partnership-secret")
            .Select(o => o with { StartTimeout = TestNodeStart.Timeout });
        await Task.WhenAll(options.Select(async o => _nodes.Add(await RunningNode.StartInOneProcessAsync(o))));
        _police = new NodeClient(_nodes.Nodes.Single(n => n.Options.Agency == "police"));
        _socialCare = new NodeClient(_nodes.Nodes.Single(n => n.Options.Agency == "children-social-care"));
    }

    [Fact]
    public async Task Each_node_is_one_process_its_applications_keep_their_own_settings_and_a_notification_reaches_the_other_node()
    {
        Assert.All(_nodes.Nodes, node => Assert.Single(node.Processes));
        Assert.NotEqual(_police.Node.Processes.Single().Id, _socialCare.Node.Processes.Single().Id);

        // The referral service's own appsettings (its content root) and the node's settings both apply.
        var officer = await _police.AsAsync("police-mash");
        var stored = await _police.Referrals().SubmitReferralAsync(Referrals.Sample("one-process"), officer);
        var read = await _police.Referrals().GetReferralAsync(new GetReferralRequest { ReferralId = stored.Referral.ReferralId }, officer);
        Assert.Equal(stored.Referral.ReferralId, read.ReferralId);

        var child = TestChildren.New("OneProcess");
        await _socialCare.Encompass().RecordEnrolmentAsync(new RecordEnrolmentRequest
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"), Child = child, School = new School { Urn = "131234", Name = "Oakfield Primary School" },
            Since = new Contracts.Common.V1.Date { Year = 2025, Month = 9, Day = 3 },
        }, await _socialCare.AsAsync("education-safeguarding-team"));
        var incident = await _police.Encompass().RecordIncidentAsync(new RecordIncidentRequest
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"), OccurredAt = Timestamp.FromDateTime(DateTime.UtcNow.AddHours(-9)), Location = "Worcester",
            Summary = "Argument; partner arrested", PoliceReference = "DA/26/000001",
            Children = { new AffectedChild { Child = child, Present = true, SawOrHeard = "Heard shouting" } },
        }, await _police.AsAsync("police-response-officer"));
        var school = await _socialCare.AsAsync("school-oakfield-primary");
        var arrived = await Eventually.Get(async () =>
            (await _socialCare.Encompass().ListNotificationsAsync(new ListNotificationsRequest(), school)).Notifications.FirstOrDefault(n => n.IncidentId == incident.IncidentId),
            timeout: TimeSpan.FromSeconds(20), what: "the notification at the social care node");
        Assert.Equal(NodeOptions.PoliceNodeId, arrived.PoliceNode);
    }

    [Fact]
    public async Task The_gateway_asks_every_service_of_its_process_and_each_answers()
    {
        // The node's governance call fans out to each service beside the gateway (in process, not over TCP).
        var verified = await _police.Governance().VerifyAuditChainsAsync(
            new Contracts.Governance.V1.VerifyAuditChainsRequest(), await _police.AsAsync("ops-admin"));

        Assert.True(verified.AllIntact);
        Assert.Equal(
            ["assessment", "custody", "investigation", "offender", "referral", "strategy"],
            verified.Services.Select(s => s.Service).Order(StringComparer.Ordinal));
    }

    public async Task DisposeAsync()
    {
        _police?.Dispose();
        _socialCare?.Dispose();
        await _nodes.DisposeAsync();
        TempFolders.Delete(_data);
    }
}
