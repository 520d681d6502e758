using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Custody.V1;
using Mash.Node.Hosting;
using Mash.Testing.Nodes;

namespace Mash.EndToEnd.Tests.TwoNodes;

/// <summary>
/// A child charged and refused bail at the police node, as a custody officer and the local authority's
/// out-of-hours team would each see it at their own node, through their own gateway.
/// </summary>
[Collection(TwoNodesCollection.Name)]
public sealed class CustodyTests(TwoNodesFixture nodes)
{
    private static Timestamp Ago(TimeSpan span) => Timestamp.FromDateTime(DateTime.UtcNow - span);

    [Fact]
    public async Task Bail_refused_at_police_reaches_the_local_authoritys_open_requests_its_refusal_comes_back_and_a_certificate_is_then_accepted()
    {
        var child = TestChildren.New("Custody");
        var social = await nodes.SocialCare.AsAsync("social-care-out-of-hours");
        await nodes.SocialCare.Custody().RecordLookedAfterStatusAsync(new RecordLookedAfterStatusRequest
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"), Child = child, LookedAfter = true, LegalStatus = LookedAfterLegalStatus.AccommodatedS20,
            Since = new Date { Year = 2025, Month = 9, Day = 1 },
        }, social);
        var officer = await nodes.Police.AsAsync("police-custody");
        var opened = await nodes.Police.Custody().OpenDetentionAsync(new OpenDetentionRequest
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"), Child = child, CustodyReference = "22/4471/26", CustodySuite = "Worcester",
            Offence = "Criminal damage at the children's home", ArrestedAt = Ago(TimeSpan.FromHours(4)), ArrivedAt = Ago(TimeSpan.FromHours(3.5)),
            DetentionAuthorisedAt = Ago(TimeSpan.FromHours(3.4)),
        }, officer);
        var id = opened.DetentionId;

        var lookedAfter = await Eventually.Get(async () =>
        {
            var detention = await nodes.Police.Custody().GetDetentionAsync(new GetDetentionRequest { DetentionId = id }, officer);
            return detention.LookedAfter.Source == LookedAfterSource.LocalAuthorityRecord ? detention.LookedAfter : null;
        }, what: "the local authority's answer on looked-after status at police");
        Assert.Equal((LookedAfterStatus.LookedAfter, LookedAfterLegalStatus.AccommodatedS20, NodeOptions.SocialCareNodeId),
            (lookedAfter.Status, lookedAfter.LegalStatus, lookedAfter.LocalAuthorityNode));

        await nodes.Police.Custody().RecordChargeAsync(new RecordChargeRequest { DetentionId = id, IdempotencyKey = Guid.NewGuid().ToString("N"), ChargedAt = Ago(TimeSpan.FromHours(1)) }, officer);
        var refused = await nodes.Police.Custody().RecordBailDecisionAsync(new RecordBailDecisionRequest
        {
            DetentionId = id, IdempotencyKey = Guid.NewGuid().ToString("N"), DecidedAt = Ago(TimeSpan.FromMinutes(30)),
            Outcome = BailOutcome.Refused, RefusalGround = BailRefusalGround.HarmToOthers,
        }, officer);
        var requestId = Assert.Single(refused.AccommodationRequests).RequestId;

        var received = await Eventually.Get(async () =>
        {
            var open = await nodes.SocialCare.Custody().ListAccommodationRequestsAsync(new ListAccommodationRequestsRequest { UnansweredOnly = true }, social);
            return open.Requests.FirstOrDefault(r => r.RequestId == requestId);
        }, timeout: TimeSpan.FromSeconds(20), what: "the request at the local authority's node");
        Assert.Equal((id, NodeOptions.PoliceNodeId, child.NhsNumber), (received.DetentionId, received.PoliceNode, received.Child.NhsNumber));
        Assert.InRange(received.AgeMinutes, 29, 40);

        await nodes.SocialCare.Custody().AnswerAccommodationRequestAsync(new AnswerAccommodationRequestRequest
        {
            RequestId = requestId, IdempotencyKey = Guid.NewGuid().ToString("N"), AnsweredAt = Ago(TimeSpan.Zero),
            Outcome = AccommodationAnswerOutcome.Refused, RefusalReason = "No place available tonight",
        }, social);
        var answer = await Eventually.Get(async () =>
        {
            var detention = await nodes.Police.Custody().GetDetentionAsync(new GetDetentionRequest { DetentionId = id }, officer);
            return detention.AccommodationRequests[0].Answer;
        }, timeout: TimeSpan.FromSeconds(20), what: "the local authority's refusal at police");
        Assert.Equal((AccommodationAnswerOutcome.Refused, "No place available tonight"), (answer.Outcome, answer.RefusalReason));

        var certified = await nodes.Police.Custody().IssueDetentionCertificateAsync(new IssueDetentionCertificateRequest
        {
            DetentionId = id, IdempotencyKey = Guid.NewGuid().ToString("N"), IssuedAt = Ago(TimeSpan.Zero),
            ReasonTransferImpracticable = "The local authority had no place available",
        }, officer);
        Assert.Equal("No place available tonight", Assert.Single(certified.Certificate.Requests).Answer.RefusalReason);
        // A custody officer does not answer for the local authority.
        var denied = await Assert.ThrowsAsync<RpcException>(() => nodes.Police.Custody().ListAccommodationRequestsAsync(new ListAccommodationRequestsRequest(), officer).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }
}
