using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Encompass.V1;
using Mash.Node.Hosting;
using Mash.Testing.Nodes;

namespace Mash.EndToEnd.Tests.TwoNodes;

/// <summary>
/// Operation Encompass across two real nodes: a police officer records last night's domestic abuse
/// incident at the police node; the child's school, a client of the social care node, finds it in
/// its list and acknowledges it; the officer sees that it did. Another school sees nothing of it.
/// </summary>
[Collection(TwoNodesCollection.Name)]
public sealed class EncompassTests(TwoNodesFixture nodes)
{
    [Fact]
    public async Task An_incident_recorded_at_police_reaches_the_right_schools_list_within_seconds_and_its_acknowledgement_is_visible_at_police()
    {
        var child = TestChildren.New("Encompass");
        var team = await nodes.SocialCare.AsAsync("education-safeguarding-team");
        await nodes.SocialCare.Encompass().RecordEnrolmentAsync(new RecordEnrolmentRequest
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"), Child = child, School = new School { Urn = "131234", Name = "Oakfield Primary School" },
            Since = new Date { Year = 2025, Month = 9, Day = 3 },
        }, team);
        var officer = await nodes.Police.AsAsync("police-response-officer");
        var request = new RecordIncidentRequest
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"), OccurredAt = Timestamp.FromDateTime(DateTime.UtcNow.AddHours(-10)),
            Location = "Ronkswood, Worcester", Summary = "Argument between the mother and her partner; the partner was arrested.",
            Household = "Mother, partner, one child", PoliceReference = "DA/26/" + Random.Shared.Next(100_000, 999_999),
            Children = { new AffectedChild { Child = child, Present = true, SawOrHeard = "Saw the argument from the stairs." } },
        };
        var recorded = Stopwatch.StartNew();
        var incident = await nodes.Police.Encompass().RecordIncidentAsync(request, officer);
        Assert.Equal(NodeOptions.SocialCareNodeId, Assert.Single(incident.Notifications).LocalAuthorityNode);

        var school = await nodes.SocialCare.AsAsync("school-oakfield-primary");
        var notification = await Eventually.Get(async () =>
        {
            var list = await nodes.SocialCare.Encompass().ListNotificationsAsync(new ListNotificationsRequest(), school);
            return list.Notifications.FirstOrDefault(n => n.IncidentId == incident.IncidentId);
        }, timeout: TimeSpan.FromSeconds(20), what: "the notification in Oakfield's list");
        Assert.InRange(recorded.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
        Assert.Equal((child.NhsNumber, NodeOptions.PoliceNodeId, "Saw the argument from the stairs."), (notification.Child.NhsNumber, notification.PoliceNode, notification.SawOrHeard));

        var otherSchool = await nodes.SocialCare.AsAsync("school-riverside-academy");
        var denied = await Assert.ThrowsAsync<RpcException>(async () => await nodes.SocialCare.Encompass().GetNotificationAsync(
            new GetNotificationRequest { NotificationId = notification.NotificationId }, otherSchool));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.DoesNotContain(await RestListAsync("school-riverside-academy"), id => id == notification.NotificationId);
        Assert.Contains(await RestListAsync("school-oakfield-primary"), id => id == notification.NotificationId);

        await nodes.SocialCare.Encompass().AcknowledgeNotificationAsync(new AcknowledgeNotificationRequest
        {
            NotificationId = notification.NotificationId, IdempotencyKey = Guid.NewGuid().ToString("N"), AcknowledgedBy = "Mrs J. Patel (DSL)",
            SupportPlanned = "Class teacher to look out for the child; check-in with the learning mentor at lunch.",
        }, school);
        var atPolice = await Eventually.Get(async () =>
        {
            var seen = await nodes.Police.Encompass().GetIncidentAsync(new GetIncidentRequest { IncidentId = incident.IncidentId }, officer);
            return seen.Notifications[0].State == NotificationState.Acknowledged ? seen.Notifications[0] : null;
        }, timeout: TimeSpan.FromSeconds(20), what: "the school's acknowledgement at police");
        Assert.Equal(("Mrs J. Patel (DSL)", "131234"), (atPolice.Notice.Acknowledgement.AcknowledgedBy, atPolice.Notice.School.Urn));
    }

    /// <summary>The school's list through the social care node's REST route: the notification ids in it.</summary>
    private async Task<IReadOnlyList<string>> RestListAsync(string schoolClient)
    {
        var node = nodes.SocialCare;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{node.Options.GatewayHttpAddress}/v1/schoolNotifications"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await node.TokenAsync(schoolClient));
        request.Headers.Add("x-mash-purpose", "Operation Encompass: support the child at school");
        request.Headers.Add("x-mash-lawful-basis", "LAWFUL_BASIS_PUBLIC_TASK");
        using var response = await node.Http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return body.TryGetProperty("notifications", out var list) ? [.. list.EnumerateArray().Select(n => n.GetProperty("notificationId").GetString()!)] : [];
    }
}
