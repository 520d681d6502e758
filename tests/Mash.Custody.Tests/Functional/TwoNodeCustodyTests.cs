using Grpc.Core;
using Mash.Contracts.Custody.V1;
using Mash.Contracts.Events.V1;
using Mash.Custody.Tests.Support;
using Mash.Platform.Eventing;

namespace Mash.Custody.Tests.Functional;

/// <summary>
/// A police node and its area's local authority node, each a real Custody service with its own
/// database, events carried between them through each one's real consumer: looked-after status
/// asked and answered, a request for accommodation answered, each answer back at the police node.
/// </summary>
public sealed class TwoNodeCustodyTests : IDisposable
{
    private readonly CustodyApp _police = new();
    private readonly LocalAuthorityApp _localAuthority = new();

    [Fact]
    public async Task Bail_refused_at_the_police_node_reaches_the_local_authoritys_open_requests_its_refusal_comes_back_and_a_certificate_is_then_accepted()
    {
        var child = CustodyApp.Child("Maya", new DateOnly(2011, 3, 9), "9434765919");
        await _localAuthority.Client().RecordLookedAfterStatusAsync(new RecordLookedAfterStatusRequest
        {
            IdempotencyKey = CustodyApp.Key(), Child = child, LookedAfter = true, LegalStatus = LookedAfterLegalStatus.CareOrder,
            Since = new Contracts.Common.V1.Date { Year = 2024, Month = 6, Day = 1 },
        }, _localAuthority.AsOutOfHours());
        var arrested = _police.Now.AddHours(-5);

        var opened = await _police.OpenAsync(child, arrested);
        Assert.Equal((LookedAfterStatus.Unknown, LookedAfterSource.AwaitingLocalAuthority), (opened.LookedAfter.Status, opened.LookedAfter.Source));
        await _police.SentAsync<JuvenileDetained>(Topics.CustodyRequests);
        Assert.All(await _localAuthority.TakeFromAsync(_police, Topics.CustodyRequests), d => Assert.Equal("completed", d.Settlement));
        await _localAuthority.SentAsync<LookedAfterStatusReported>(Topics.CustodyAnswers);
        Assert.All(await _police.TakeFromAsync(_localAuthority, Topics.CustodyAnswers), d => Assert.Equal("completed", d.Settlement));
        var known = await _police.Client().GetDetentionAsync(new GetDetentionRequest { DetentionId = opened.DetentionId }, _police.As());
        Assert.Equal((LookedAfterStatus.LookedAfter, LookedAfterSource.LocalAuthorityRecord, LookedAfterLegalStatus.CareOrder),
            (known.LookedAfter.Status, known.LookedAfter.Source, known.LookedAfter.LegalStatus));
        Assert.Contains(LocalAuthorityApp.NodeId, known.LookedAfter.EstablishedHow, StringComparison.Ordinal);

        await _police.ChargeAsync(opened.DetentionId, arrested.AddHours(2));
        var refused = await _police.RefuseBailAsync(opened.DetentionId, arrested.AddHours(3));
        var requestId = Assert.Single(refused.AccommodationRequests).RequestId;
        await _police.SentAsync<AccommodationRequested>(Topics.CustodyRequests);
        Assert.All(await _localAuthority.TakeFromAsync(_police, Topics.CustodyRequests), d => Assert.Equal("completed", d.Settlement));

        var open = await _localAuthority.Client().ListAccommodationRequestsAsync(new ListAccommodationRequestsRequest { UnansweredOnly = true }, _localAuthority.AsOutOfHours());
        var received = Assert.Single(open.Requests);
        Assert.Equal((requestId, CustodyApp.NodeId, "Maya", 15), (received.RequestId, received.PoliceNode, received.Child.GivenName, received.AgeAtArrest));
        Assert.Equal(120, received.AgeMinutes);
        Assert.True(received.Overdue);

        var answer = new AnswerAccommodationRequestRequest
        {
            RequestId = requestId, IdempotencyKey = CustodyApp.Key(), AnsweredAt = CustodyApp.At(_localAuthority.Now.AddMinutes(-5)),
            Outcome = AccommodationAnswerOutcome.Refused, RefusalReason = "No place available in the county tonight",
        };
        await _localAuthority.Client().AnswerAccommodationRequestAsync(answer, _localAuthority.AsOutOfHours());
        await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => _localAuthority.Client().AnswerAccommodationRequestAsync(
            new AnswerAccommodationRequestRequest(answer) { IdempotencyKey = CustodyApp.Key() }, _localAuthority.AsOutOfHours()).ResponseAsync);
        await _localAuthority.SentAsync<AccommodationAnswered>(Topics.CustodyAnswers);
        Assert.All(await _police.TakeFromAsync(_localAuthority, Topics.CustodyAnswers), d => Assert.Equal("completed", d.Settlement));

        var answered = await _police.Client().GetDetentionAsync(new GetDetentionRequest { DetentionId = opened.DetentionId }, _police.As());
        var request = Assert.Single(answered.AccommodationRequests);
        Assert.Equal((AccommodationRequestState.Answered, AccommodationAnswerOutcome.Refused, "No place available in the county tonight"),
            (request.State, request.Answer.Outcome, request.Answer.RefusalReason));
        var certified = await _police.CertifyAsync(opened.DetentionId, _police.Now.AddMinutes(-1));
        var certificate = certified.Certificate;
        Assert.Equal(Math.Round((_police.Now.AddMinutes(-1) - arrested.AddMinutes(30)).TotalHours, 2), certificate.HoursDetained);
        Assert.Equal("No place available in the county tonight", Assert.Single(certificate.Requests).Answer.RefusalReason);
        Assert.Empty((await _localAuthority.Client().ListAccommodationRequestsAsync(new ListAccommodationRequestsRequest { UnansweredOnly = true }, _localAuthority.AsOutOfHours())).Requests);
    }

    [Fact]
    public async Task A_child_the_local_authority_does_not_look_after_is_shown_as_not_looked_after_with_how_it_was_established()
    {
        var child = CustodyApp.Child("Tom", new DateOnly(2010, 1, 20), "9434765986");
        var opened = await _police.OpenAsync(child, _police.Now.AddHours(-1));
        await _police.SentAsync<JuvenileDetained>(Topics.CustodyRequests);
        await _localAuthority.TakeFromAsync(_police, Topics.CustodyRequests);
        await _localAuthority.SentAsync<LookedAfterStatusReported>(Topics.CustodyAnswers);
        await _police.TakeFromAsync(_localAuthority, Topics.CustodyAnswers);

        var detention = await _police.Client().GetDetentionAsync(new GetDetentionRequest { DetentionId = opened.DetentionId }, _police.As());

        Assert.Equal((LookedAfterStatus.NotLookedAfter, LookedAfterSource.LocalAuthorityRecord), (detention.LookedAfter.Status, detention.LookedAfter.Source));
    }

    public void Dispose()
    {
        _police.Dispose();
        _localAuthority.Dispose();
    }
}
