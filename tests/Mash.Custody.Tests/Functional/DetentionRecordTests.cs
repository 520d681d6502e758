using Grpc.Core;
using Mash.Contracts.Custody.V1;
using Mash.Custody.Tests.Support;
using Mash.Platform.Auth;

namespace Mash.Custody.Tests.Functional;

/// <summary>A custody officer's record of a juvenile's detention at the police node, with what it refuses.</summary>
public sealed class DetentionRecordTests(CustodyApp app) : IClassFixture<CustodyApp>
{
    private static readonly DateOnly Born15 = new(2011, 5, 14);

    [Fact]
    public async Task An_18_year_old_is_refused_as_not_a_juvenile_naming_the_date_of_birth()
    {
        var adult = CustodyApp.Child("Adam", new DateOnly(2008, 11, 22));

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => app.OpenAsync(adult, app.Now.AddHours(-3)));

        Assert.Equal(["child.date_of_birth"], RpcAssert.ViolatedFields(error));
        Assert.Contains("2008-11-22", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("not a juvenile", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Times_out_of_order_or_in_the_future_are_refused_naming_the_field_and_nothing_is_stored()
    {
        var child = CustodyApp.Child("Orla", Born15, "9434765927");
        var arrested = app.Now.AddHours(-3);
        var request = new OpenDetentionRequest
        {
            IdempotencyKey = CustodyApp.Key(), Child = child, CustodyReference = "CUS-1", Offence = "Theft",
            ArrestedAt = CustodyApp.At(arrested), ArrivedAt = CustodyApp.At(arrested.AddMinutes(-10)), DetentionAuthorisedAt = CustodyApp.At(app.Now.AddHours(2)),
        };

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => app.Client().OpenDetentionAsync(request, app.As()).ResponseAsync);

        Assert.Equal(["detention_authorised_at", "arrived_at"], RpcAssert.ViolatedFields(error));
        Assert.DoesNotContain((await app.Client().ListDetentionsAsync(new ListDetentionsRequest(), app.As())).Detentions, d => d.Child.NhsNumber == child.NhsNumber);

        var opened = await app.OpenAsync(child, arrested);
        var chargedBeforeArrest = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => app.ChargeAsync(opened.DetentionId, arrested.AddMinutes(-5)));
        Assert.Equal(["charged_at"], RpcAssert.ViolatedFields(chargedBeforeArrest));
        var adult = await app.AskForAppropriateAdultAsync(opened.DetentionId, arrested.AddHours(1));
        var attendedBeforeAsked = await RpcAssert.FailsWith(StatusCode.InvalidArgument,
            () => app.AttendedAsync(opened.DetentionId, adult.AppropriateAdults[0].AppropriateAdultId, arrested.AddMinutes(50)));
        Assert.Equal(["attended_at"], RpcAssert.ViolatedFields(attendedBeforeAsked));
        Assert.Null((await app.Client().GetDetentionAsync(new GetDetentionRequest { DetentionId = opened.DetentionId }, app.As())).ChargedAt);
    }

    [Fact]
    public async Task A_retry_with_the_same_key_is_the_same_detention_and_the_key_with_another_body_is_already_exists()
    {
        var child = CustodyApp.Child("Rhys", Born15, "9434765935");
        var arrested = app.Now.AddHours(-2);
        var first = await app.OpenAsync(child, arrested, key: "open-rhys");

        var again = await app.OpenAsync(child, arrested, key: "open-rhys");
        Assert.Equal(first.DetentionId, again.DetentionId);
        await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => app.OpenAsync(child, arrested.AddMinutes(-1), key: "open-rhys"));
    }

    [Fact]
    public async Task Bail_refused_after_charge_sends_a_request_at_once_and_a_child_without_an_nhs_number_is_unknown_not_no()
    {
        var child = CustodyApp.Child("Nia", Born15, nhsNumber: "");
        var arrested = app.Now.AddHours(-6);
        var opened = await app.OpenAsync(child, arrested);
        Assert.Equal((LookedAfterStatus.Unknown, LookedAfterSource.NoNhsNumber), (opened.LookedAfter.Status, opened.LookedAfter.Source));
        Assert.Contains("No NHS number", opened.LookedAfter.EstablishedHow, StringComparison.Ordinal);

        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => app.RefuseBailAsync(opened.DetentionId, arrested.AddHours(1)));
        await app.ChargeAsync(opened.DetentionId, arrested.AddHours(2));
        var refused = await app.RefuseBailAsync(opened.DetentionId, arrested.AddHours(2.5));

        var request = Assert.Single(refused.AccommodationRequests);
        Assert.Equal((AccommodationRequestState.AwaitingAnswer, LocalAuthorityApp.NodeId), (request.State, request.LocalAuthorityNode));
        Assert.Equal(CustodyApp.At(app.Now.AddHours(-3.5).AddHours(1)), request.AnswerDueAt);
        Assert.Equal(CustodyLegalStatus.ChargedBailRefused, refused.LegalStatus);
        Assert.True(request.Overdue);
        var sent = await app.SentAsync<Mash.Contracts.Events.V1.AccommodationRequested>(Platform.Eventing.Topics.CustodyRequests);
        Assert.Equal(LocalAuthorityApp.NodeId, Mash.Contracts.Events.V1.EventEnvelope.Parser.ParseFrom(sent.Body.Span).DestinationNode);
    }

    [Fact]
    public async Task Secure_accommodation_for_a_child_under_12_is_refused_and_a_certificate_without_a_request_or_reason_is_failed_precondition()
    {
        var child = CustodyApp.Child("Kit", new DateOnly(2015, 1, 2), "9434765943");
        var arrested = app.Now.AddHours(-8);
        var opened = await app.OpenAsync(child, arrested);
        await app.ChargeAsync(opened.DetentionId, arrested.AddHours(1));

        var secure = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => app.Client().RecordBailDecisionAsync(new RecordBailDecisionRequest
        {
            DetentionId = opened.DetentionId, IdempotencyKey = CustodyApp.Key(), DecidedAt = CustodyApp.At(arrested.AddHours(2)), Outcome = BailOutcome.Refused,
            RefusalGround = BailRefusalGround.OwnProtection, SecureAccommodationSought = true, PublicProtectionReason = "Violence",
        }, app.As()).ResponseAsync);
        Assert.Equal(["secure_accommodation_sought"], RpcAssert.ViolatedFields(secure));

        await app.RefuseBailAsync(opened.DetentionId, arrested.AddHours(2), noRequestReason: "");
        var noReason = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => app.Client().IssueDetentionCertificateAsync(new IssueDetentionCertificateRequest
            {
                DetentionId = opened.DetentionId, IdempotencyKey = CustodyApp.Key(), IssuedAt = CustodyApp.At(arrested.AddHours(3)),
            }, app.As()).ResponseAsync);
        Assert.Contains("why transfer to local authority accommodation was impracticable", noReason.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_appropriate_adult_wait_is_listed_while_the_child_waits_and_reviews_need_the_reviewing_role()
    {
        var child = CustodyApp.Child("Sam", Born15, "9434765951");
        var arrested = app.Now.AddHours(-4);
        var opened = await app.OpenAsync(child, arrested);
        await app.AskForAppropriateAdultAsync(opened.DetentionId, arrested.AddMinutes(50));

        var breaches = await app.Client().ListCustodyBreachesAsync(new ListCustodyBreachesRequest { OngoingOnly = true }, app.As());

        var wait = Assert.Single(breaches.Breaches, b => b.DetentionId == opened.DetentionId);
        Assert.Equal((CustodyBreachKind.AppropriateAdultWait, true), (wait.Kind, wait.Ongoing));
        Assert.Contains("Waiting for the appropriate adult", wait.Description, StringComparison.Ordinal);
        var officer = app.As("police-custody", AgencyNames.Police, MashRoles.CustodyWrite);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => app.Client().RecordReviewAsync(new RecordReviewRequest
        {
            DetentionId = opened.DetentionId, IdempotencyKey = CustodyApp.Key(), ReviewedAt = CustodyApp.At(app.Now), Reviewer = "Sgt X", Outcome = ReviewOutcome.DetentionContinued,
        }, officer).ResponseAsync);
    }

    [Fact]
    public async Task A_review_done_asleep_keeps_the_record_open_until_the_waking_record()
    {
        var child = CustodyApp.Child("Lee", Born15, "9434765978");
        var arrested = app.Now.AddHours(-9);
        var opened = await app.OpenAsync(child, arrested);
        var reviewed = await app.ReviewAsync(opened.DetentionId, arrested.AddHours(5), asleep: true);
        Assert.False(reviewed.RecordComplete);
        var released = await app.ReleaseAsync(opened.DetentionId, arrested.AddHours(8), ReleaseOutcome.Released);
        Assert.Contains(released.Breaches, b => b.Kind == CustodyBreachKind.ReviewAsleepNotTold && b.Ongoing);

        var told = await app.Client().RecordToldOnWakingAsync(new RecordToldOnWakingRequest
        {
            DetentionId = opened.DetentionId, ReviewId = reviewed.Reviews[0].ReviewId, IdempotencyKey = CustodyApp.Key(), ToldAt = CustodyApp.At(arrested.AddHours(7)),
        }, app.As());

        Assert.True(told.RecordComplete);
        Assert.DoesNotContain(told.Breaches, b => b.Kind == CustodyBreachKind.ReviewAsleepNotTold);
    }
}
