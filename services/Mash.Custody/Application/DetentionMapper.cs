using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Custody.V1;
using Mash.Custody.Data;
using Mash.Custody.Domain;
using Mash.Platform.Time;

namespace Mash.Custody.Application;

/// <summary>Detentions and requests as the contract shows them, with their clocks worked out at a moment.</summary>
internal static class DetentionMapper
{
    public static DetentionFacts Facts(this DetentionRecord d) => new(
        d.ArrivedAt, d.AuthorisedAt, d.ChargedAt, d.BailOutcome, d.BailDecidedAt, d.LeftAt, d.CertificateIssuedAt,
        [.. d.AppropriateAdults.Select(a => new AdultFacts(a.Id, a.RequestedAt, a.AttendedAt))],
        [.. d.Reviews.Select(r => new ReviewFacts(r.Id, r.ReviewedAt, r.ChildAsleep, r.ToldOnWakingAt))],
        [.. d.Requests.Select(r => new RequestFacts(r.Id, r.RequestedAt, r.State != AccommodationRequestState.NotSent, r.Answer.AnsweredAt))]);

    public static Detention ToContract(this DetentionRecord d, DateTime now, CustodyRules rules, string thisNode)
    {
        var area = rules.For(d.Area);
        var facts = d.Facts();
        var (reviewDue, _) = ReviewClock.Schedule(d.AuthorisedAt, d.Reviews.Select(r => r.ReviewedAt), area);
        var reviews = d.Reviews.OrderBy(r => r.ReviewedAt).ToList();
        var detention = new Detention
        {
            DetentionId = d.Id,
            Child = ChildIdentity.Parser.ParseFrom(d.Child),
            ChildMatch = d.ChildMatch,
            AgeAtArrest = d.AgeAtArrest,
            CustodyReference = d.CustodyReference,
            CustodySuite = d.CustodySuite,
            Offence = d.Offence,
            ArrestedAt = Timestamps.Of(d.ArrestedAt),
            ArrivedAt = Timestamps.Of(d.ArrivedAt),
            DetentionAuthorisedAt = Timestamps.Of(d.AuthorisedAt),
            ChargedAt = Timestamps.Of(d.ChargedAt),
            Charges = d.Charges,
            LegalStatus = facts.LegalStatus,
            LookedAfter = d.LookedAfterContract(),
            NextReviewDueAt = Timestamps.Of(CustodyClocks.NextReviewDueAt(facts, area)),
            HeldOvernight = CustodyClocks.HeldOvernight(facts, now, rules.ZoneOf(d.Area), area),
            InCustody = facts.InCustody,
            HoursInCustody = Math.Round((facts.Until(now) - d.ArrivedAt).TotalHours, 2),
            RecordComplete = CustodyClocks.RecordComplete(facts),
        };
        if (d.BailOutcome != BailOutcome.Unspecified)
        {
            detention.Bail = new BailDecision
            {
                Outcome = d.BailOutcome,
                DecidedAt = Timestamps.Of(d.BailDecidedAt),
                RefusalGround = d.BailRefusalGround,
                SecureAccommodationSought = d.SecureAccommodationSought,
                PublicProtectionReason = d.PublicProtectionReason,
                NoRequestReason = d.NoRequestReason,
                DecidedBy = d.BailDecidedBy,
            };
        }

        if (d.LeftAt is not null)
        {
            detention.Release = new Release { Outcome = d.ReleaseOutcome, LeftAt = Timestamps.Of(d.LeftAt), AccommodationRequestId = d.ReleaseRequestId, Details = d.ReleaseDetails };
        }

        detention.AccommodationRequests.AddRange(d.Requests.OrderBy(r => r.RequestedAt).Select(r => r.ToContract(d, now, area, thisNode)));
        detention.AppropriateAdults.AddRange(d.AppropriateAdults.OrderBy(a => a.RequestedAt).Select(a =>
        {
            var wait = CustodyClocks.Wait(new AdultFacts(a.Id, a.RequestedAt, a.AttendedAt), facts, now);
            return new AppropriateAdult
            {
                AppropriateAdultId = a.Id,
                Asked = a.Kind,
                AskedName = a.Name,
                RequestedAt = Timestamps.Of(a.RequestedAt),
                AttendedAt = Timestamps.Of(a.AttendedAt),
                WaitMinutes = (long)wait.TotalMinutes,
                WaitBreached = wait > area.AppropriateAdultWaitLimit,
            };
        }));
        detention.Reviews.AddRange(reviews.Select((r, i) => new DetentionReview
        {
            ReviewId = r.Id,
            ReviewedAt = Timestamps.Of(r.ReviewedAt),
            Reviewer = r.Reviewer,
            Outcome = r.Outcome,
            ChildAsleep = r.ChildAsleep,
            ToldOnWakingAt = Timestamps.Of(r.ToldOnWakingAt),
            DueAt = Timestamps.Of(reviewDue[i]),
            Late = r.ReviewedAt > reviewDue[i],
            Notes = r.Notes,
        }));
        if (d.CertificateIssuedAt is not null)
        {
            detention.Certificate = d.CertificateRequests.Length > 0 ? DetentionCertificate.Parser.ParseFrom(d.CertificateRequests) : new DetentionCertificate();
        }

        detention.Breaches.AddRange(CustodyClocks.Breaches(facts, now, area).Select(b => b.ToContract(d)));
        return detention;
    }

    public static CustodyBreach ToContract(this CustodyBreachFact b, DetentionRecord d) => new()
    {
        Kind = b.Kind,
        DetentionId = d.Id,
        SubjectId = b.SubjectId,
        DueAt = Timestamps.Of(b.DueAt),
        OverdueMinutes = (long)b.Overdue.TotalMinutes,
        Ongoing = b.Ongoing,
        Description = b.Description,
        CustodyReference = d.CustodyReference,
        AgeAtArrest = d.AgeAtArrest,
    };

    /// <summary>A request this police node made, as the custody officer sees it.</summary>
    public static AccommodationRequest ToContract(this AccommodationRequestRecord r, DetentionRecord d, DateTime now, AreaCustodyRules area, string thisNode)
    {
        var sent = r.State != AccommodationRequestState.NotSent;
        var request = new AccommodationRequest
        {
            RequestId = r.Id,
            DetentionId = d.Id,
            PoliceNode = thisNode,
            LocalAuthorityNode = r.LocalAuthorityNode,
            RequestedAt = Timestamps.Of(r.RequestedAt),
            RequestedBy = r.RequestedBy,
            SecureAccommodationSought = r.SecureAccommodationSought,
            PublicProtectionReason = r.PublicProtectionReason,
            State = r.State,
            NotSentReason = r.NotSentReason,
            AnswerDueAt = sent ? Timestamps.Of(CustodyClocks.AnswerDueAt(r.RequestedAt, area)) : null,
            Overdue = sent && r.Answer.AnsweredAt is null && now > CustodyClocks.AnswerDueAt(r.RequestedAt, area),
            AgeMinutes = (long)((r.Answer.AnsweredAt ?? now) - r.RequestedAt).TotalMinutes,
            Answer = r.Answer.ToContract(),
            AgeAtArrest = d.AgeAtArrest,
            ChargedAt = Timestamps.Of(d.ChargedAt),
            CustodySuite = d.CustodySuite,
        };
        return request;
    }

    /// <summary>A request received at the local authority's node, with the child to place.</summary>
    public static AccommodationRequest ToContract(this ReceivedRequestRecord r, DateTime now, AreaCustodyRules area, string thisNode) => new()
    {
        RequestId = r.Id,
        DetentionId = r.DetentionId,
        PoliceNode = r.PoliceNode,
        LocalAuthorityNode = thisNode,
        RequestedAt = Timestamps.Of(r.RequestedAt),
        RequestedBy = r.RequestedBy,
        SecureAccommodationSought = r.SecureAccommodationSought,
        PublicProtectionReason = r.PublicProtectionReason,
        State = r.Answered ? AccommodationRequestState.Answered : AccommodationRequestState.AwaitingAnswer,
        AnswerDueAt = Timestamps.Of(CustodyClocks.AnswerDueAt(r.RequestedAt, area)),
        Overdue = !r.Answered && now > CustodyClocks.AnswerDueAt(r.RequestedAt, area),
        AgeMinutes = (long)((r.Answer.AnsweredAt ?? now) - r.RequestedAt).TotalMinutes,
        Answer = r.Answer.ToContract(),
        Child = ChildIdentity.Parser.ParseFrom(r.Child),
        AgeAtArrest = r.AgeAtArrest,
        ChargedAt = Timestamps.Of(r.ChargedAt),
        CustodySuite = r.CustodySuite,
        Offence = r.Offence,
    };

    public static AccommodationAnswer? ToContract(this AnswerColumns a) => a.AnsweredAt is null ? null : new AccommodationAnswer
    {
        Outcome = a.Outcome,
        AnsweredAt = Timestamps.Of(a.AnsweredAt),
        AnsweredBy = a.AnsweredBy,
        Place = a.Place,
        PlaceAvailableAt = Timestamps.Of(a.PlaceAvailableAt),
        RefusalReason = a.RefusalReason,
    };

    public static void Apply(this AnswerColumns columns, AccommodationAnswer answer)
    {
        columns.Outcome = answer.Outcome;
        columns.AnsweredAt = answer.AnsweredAt.ToDateTime();
        columns.AnsweredBy = answer.AnsweredBy;
        columns.Place = answer.Place;
        columns.PlaceAvailableAt = answer.PlaceAvailableAt?.ToDateTime();
        columns.RefusalReason = answer.RefusalReason;
    }

    public static LookedAfter LookedAfterContract(this DetentionRecord d) => new()
    {
        Status = d.LookedAfter,
        Source = d.LookedAfterSource,
        EstablishedAt = Timestamps.Of(d.LookedAfterEstablishedAt),
        LocalAuthorityNode = d.LookedAfterNode,
        LegalStatus = d.LookedAfterLegalStatus,
        EstablishedHow = d.LookedAfterSource switch
        {
            LookedAfterSource.AwaitingLocalAuthority => $"Asked of the local authority's node {d.LookedAfterNode}; no answer yet, so unknown.",
            LookedAfterSource.LocalAuthorityRecord => $"The local authority's record at node {d.LookedAfterNode}, matched on the NHS number, at {d.LookedAfterEstablishedAt:yyyy-MM-dd HH:mm} UTC.",
            LookedAfterSource.NoNhsNumber => "No NHS number: the child cannot be matched to the local authority's record, so unknown.",
            LookedAfterSource.NotAsked => d.LookedAfterNode.Length == 0
                ? "Not asked: no local authority node is configured for the area, so unknown."
                : $"Not asked: no information-sharing agreement in force with node {d.LookedAfterNode}, so unknown.",
            _ => "Unknown.",
        },
    };

}
