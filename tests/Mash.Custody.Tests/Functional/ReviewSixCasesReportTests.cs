using Mash.Contracts.Custody.V1;
using Mash.Contracts.Events.V1;
using Mash.Custody.Tests.Support;
using Mash.Platform.Eventing;

namespace Mash.Custody.Tests.Functional;

/// <summary>
/// The review's sample of six children detained overnight (aged 13 to 17, four under 17), recorded as
/// the custody suites and the local authority would have recorded them, and the partnership's report
/// over that week: the figures the review gives, now from the system itself.
/// </summary>
public sealed class ReviewSixCasesReportTests : IDisposable
{
    private readonly CustodyApp _police = new();
    private readonly LocalAuthorityApp _localAuthority = new();

    private sealed record Case(string Name, DateOnly Born, string NhsNumber, bool LookedAfter, string NoRequestReason, AccommodationAnswerOutcome Answer, string RefusalReason);

    private static readonly Case[] Sample =
    [
        // A 13-year-old boy: accommodation sought and provided; transferred to a children's home within six hours.
        new("Aled", new DateOnly(2013, 1, 1), "9434765994", false, "", AccommodationAnswerOutcome.PlaceOffered, ""),
        // A 15-year-old looked after, arrested after an incident at the residential home: an approach made, no place available.
        new("Bea", new DateOnly(2011, 2, 2), "9434766001", true, "", AccommodationAnswerOutcome.Refused, "No place available"),
        // Two under-17s with no request made for accommodation.
        new("Cai", new DateOnly(2012, 3, 3), "9434766028", true, "Custody sergeant expected no place overnight", AccommodationAnswerOutcome.Unspecified, ""),
        new("Dee", new DateOnly(2010, 4, 4), "9434766036", false, "Court at 10:00 the next morning", AccommodationAnswerOutcome.Unspecified, ""),
        // Two 17-year-olds; the first, distressed, waited 15 hours for the appropriate adult a nurse had said to call.
        new("Eve", new DateOnly(2009, 5, 5), "9434766044", false, "", AccommodationAnswerOutcome.Refused, "No bed for a 17-year-old tonight"),
        new("Fin", new DateOnly(2009, 6, 6), "9434766052", false, "", AccommodationAnswerOutcome.PlaceOffered, ""),
    ];

    [Fact]
    public async Task The_partnership_report_for_the_reviews_six_cases_gives_the_reviews_figures()
    {
        foreach (var c in Sample.Where(c => c.LookedAfter))
        {
            await _localAuthority.Client().RecordLookedAfterStatusAsync(new RecordLookedAfterStatusRequest
            {
                IdempotencyKey = CustodyApp.Key(), Child = CustodyApp.Child(c.Name, c.Born, c.NhsNumber), LookedAfter = true,
                LegalStatus = LookedAfterLegalStatus.CareOrder, Since = new Contracts.Common.V1.Date { Year = 2025, Month = 1, Day = 1 },
            }, _localAuthority.AsOutOfHours());
        }

        for (var i = 0; i < Sample.Length; i++)
        {
            await RecordAsync(Sample[i], evening: new DateTime(2026, 11, 16 + i, 19, 0, 0, DateTimeKind.Utc));
        }

        var report = await _police.Client().GetCustodyReportAsync(new GetCustodyReportRequest
        {
            From = CustodyApp.At(new DateTime(2026, 11, 16, 0, 0, 0, DateTimeKind.Utc)), To = CustodyApp.At(_police.Now),
        }, _police.As());

        Assert.Equal((6, 4, 6, 4), (report.ChildrenHeld, report.Under17, report.HeldOvernight, report.HeldOvernightUnder17));
        Assert.Equal(2, report.HeldOvernightLookedAfter);
        Assert.Equal(new Dictionary<string, int> { ["LOOKED_AFTER_STATUS_LOOKED_AFTER"] = 2, ["LOOKED_AFTER_STATUS_NOT_LOOKED_AFTER"] = 4 }, report.ByLookedAfterStatus);
        Assert.Equal(new Dictionary<string, int> { ["CUSTODY_LEGAL_STATUS_CHARGED_BAIL_REFUSED"] = 6 }, report.ByLegalStatus);
        Assert.Equal((6, 4, 4, 2, 1, 2), (report.BailRefused, report.AccommodationRequestsMade, report.AccommodationRequestsAnswered, report.PlacesOffered, report.Transferred, report.RequestsRefused));
        Assert.Equal(new Dictionary<string, int> { ["No place available"] = 1, ["No bed for a 17-year-old tonight"] = 1 }, report.RefusalReasons);
        Assert.Equal(2, report.NoRequestMade);
        Assert.Equal(new Dictionary<string, int> { ["Custody sergeant expected no place overnight"] = 1, ["Court at 10:00 the next morning"] = 1 }, report.NoRequestReasons);
        Assert.Equal((5, 0), (report.CertificatesCompleted, report.CertificatesMissing));
        Assert.Equal((6, 60L, 900L, 1), (report.AppropriateAdultsRequested, report.AppropriateAdultWaitMedianMinutes, report.AppropriateAdultWaitLongestMinutes, report.AppropriateAdultWaitsOverLimit));
        Assert.Equal((3, 0), (report.ReviewsAsleepNotTold, report.ReviewsOverdue));
    }

    /// <summary>
    /// One night: arrested at 19:00 (the 13-year-old at 21:00), charged three hours later and refused bail
    /// half an hour after that; reviews on time; the appropriate adult an hour after asking (fifteen for the
    /// 17-year-old); taken to court at 10:00 unless transferred.
    /// </summary>
    private async Task RecordAsync(Case c, DateTime evening)
    {
        var transferred = c.Name == "Aled";
        var arrested = transferred ? evening.AddHours(2) : evening;
        var opened = await _police.OpenAsync(CustodyApp.Child(c.Name, c.Born, c.NhsNumber), arrested);
        var id = opened.DetentionId;
        await ExchangeAsync<JuvenileDetained, LookedAfterStatusReported>();

        var adult = await _police.AskForAppropriateAdultAsync(id, arrested.AddMinutes(30));
        await _police.AttendedAsync(id, adult.AppropriateAdults[0].AppropriateAdultId, arrested.AddMinutes(30).AddHours(c.Name == "Eve" ? 15 : 1));
        await _police.ChargeAsync(id, arrested.AddHours(3));
        var refused = await _police.RefuseBailAsync(id, arrested.AddHours(3.5), c.NoRequestReason);
        var asleep = c.Name is "Bea" or "Dee" or "Fin";
        await _police.ReviewAsync(id, arrested.AddHours(6), asleep);
        if (c.Answer != AccommodationAnswerOutcome.Unspecified)
        {
            await _police.SentAsync<AccommodationRequested>(Topics.CustodyRequests, ++_requests);
            await _localAuthority.TakeFromAsync(_police, Topics.CustodyRequests);
            await _localAuthority.Client().AnswerAccommodationRequestAsync(new AnswerAccommodationRequestRequest
            {
                RequestId = refused.AccommodationRequests[0].RequestId, IdempotencyKey = CustodyApp.Key(), AnsweredAt = CustodyApp.At(arrested.AddHours(4)),
                Outcome = c.Answer, RefusalReason = c.RefusalReason,
                Place = c.Answer == AccommodationAnswerOutcome.PlaceOffered ? "Oak House children's home" : "",
                PlaceAvailableAt = c.Answer == AccommodationAnswerOutcome.PlaceOffered ? CustodyApp.At(arrested.AddHours(transferred ? 6.5 : 14)) : null,
            }, _localAuthority.AsOutOfHours());
            await ExchangeAnswersAsync();
        }

        if (transferred)
        {
            await _police.ReleaseAsync(id, arrested.AddHours(7), ReleaseOutcome.TransferredToLocalAuthority, refused.AccommodationRequests[0].RequestId);
            return;
        }

        await _police.CertifyAsync(id, arrested.AddHours(5), c.NoRequestReason);
        await _police.ReviewAsync(id, arrested.AddHours(14));
        await _police.ReleaseAsync(id, arrested.AddHours(c.Name == "Eve" ? 16 : 15));
    }

    private int _detentions;
    private int _requests;
    private int _answers;

    /// <summary>The police node's question reaches the local authority, and its answer comes back.</summary>
    private async Task ExchangeAsync<TQuestion, TAnswer>()
        where TQuestion : Google.Protobuf.IMessage<TQuestion>, new()
        where TAnswer : Google.Protobuf.IMessage<TAnswer>, new()
    {
        _detentions++;
        await _police.SentAsync<TQuestion>(Topics.CustodyRequests, _detentions);
        await _localAuthority.TakeFromAsync(_police, Topics.CustodyRequests);
        await _localAuthority.SentAsync<TAnswer>(Topics.CustodyAnswers, _detentions);
        await _police.TakeFromAsync(_localAuthority, Topics.CustodyAnswers);
    }

    private async Task ExchangeAnswersAsync()
    {
        _answers++;
        await _localAuthority.SentAsync<AccommodationAnswered>(Topics.CustodyAnswers, _answers);
        await _police.TakeFromAsync(_localAuthority, Topics.CustodyAnswers);
    }

    public void Dispose()
    {
        _police.Dispose();
        _localAuthority.Dispose();
    }
}
