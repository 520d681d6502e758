using Mash.Contracts.Custody.V1;
using Mash.Platform.Errors;
using Mash.Platform.Identity;
using Mash.Platform.Idempotency;
using Mash.Platform.Time;

namespace Mash.Custody.Domain;

/// <summary>What each request must hold before anything is looked up: fields, lengths, times in order and none in the future.</summary>
public static class RequestRules
{
    public const int MaxReference = 64;
    public const int MaxName = 200;
    public const int MaxText = 1_000;
    public const int MaxCertificateText = 2_000;

    /// <summary>The times read from a request that passed its checks.</summary>
    public sealed record OpenedTimes(DateTime ArrestedAt, DateTime ArrivedAt, DateTime AuthorisedAt);

    public static OpenedTimes CheckOpen(OpenDetentionRequest request, DateTime nowUtc, DateOnly today)
    {
        var v = new FieldViolations().CheckIdempotencyKey(request.IdempotencyKey, "open a second detention");
        ChildIdentityRules.Validate(v, "child", request.Child, today);
        v.Require(request.Child?.DateOfBirth is not null, "child.date_of_birth", "Give the date of birth: it decides whether the child is a juvenile.");
        v.CheckText("custody_reference", request.CustodyReference, MaxReference, "Give the custody record's reference.")
            .CheckOptionalText("custody_suite", request.CustodySuite, MaxName)
            .CheckText("offence", request.Offence, MaxText, "Say what the child was arrested for.");
        var arrested = v.CheckHappened("arrested_at", request.ArrestedAt, nowUtc, "Give the time of arrest.");
        var arrived = v.CheckHappened("arrived_at", request.ArrivedAt, nowUtc, "Give the time of arrival at the custody suite.");
        var authorised = v.CheckHappened("detention_authorised_at", request.DetentionAuthorisedAt, nowUtc, "Give the time detention was authorised.");
        v.CheckNotBefore("arrived_at", arrived, arrested, "the arrest")
            .CheckNotBefore("detention_authorised_at", authorised, arrived, "the arrival")
            .ThrowIfAny("The detention cannot be recorded.");
        return new(arrested!.Value, arrived!.Value, authorised!.Value);
    }

    public static DateTime CheckCharge(RecordChargeRequest request, DateTime nowUtc)
    {
        var v = Target(request.DetentionId, request.IdempotencyKey, "record the charge twice");
        var at = v.CheckHappened("charged_at", request.ChargedAt, nowUtc, "Give the time of charge.");
        v.CheckOptionalText("charges", request.Charges, MaxText).ThrowIfAny("The charge cannot be recorded.");
        return at!.Value;
    }

    public static DateTime CheckBail(RecordBailDecisionRequest request, DateTime nowUtc)
    {
        var v = Target(request.DetentionId, request.IdempotencyKey, "record the decision twice");
        var at = v.CheckHappened("decided_at", request.DecidedAt, nowUtc, "Give the time of the bail decision.");
        v.CheckKnown("outcome", request.Outcome, "Say whether bail was granted or refused.");
        if (request.Outcome == BailOutcome.Refused)
        {
            v.CheckKnown("refusal_ground", request.RefusalGround, "Give the PACE ground on which bail was refused.");
            v.CheckOptionalText("no_request_reason", request.NoRequestReason, MaxText);
        }
        else
        {
            v.Require(request.RefusalGround == BailRefusalGround.Unspecified, "refusal_ground", "Only when bail is refused.")
                .Require(!request.SecureAccommodationSought, "secure_accommodation_sought", "Only when bail is refused.")
                .Require(request.NoRequestReason.Length == 0, "no_request_reason", "Only when bail is refused.");
        }

        v.CheckOptionalText("public_protection_reason", request.PublicProtectionReason, MaxText).ThrowIfAny("The bail decision cannot be recorded.");
        return at!.Value;
    }

    public static DateTime CheckAccommodation(RequestAccommodationRequest request, DateTime nowUtc)
    {
        var v = Target(request.DetentionId, request.IdempotencyKey, "send the request twice");
        var at = v.CheckHappened("requested_at", request.RequestedAt, nowUtc, "Give the time of the request.");
        v.CheckOptionalText("public_protection_reason", request.PublicProtectionReason, MaxText).ThrowIfAny("The request cannot be made.");
        return at!.Value;
    }

    public static DateTime CheckRelease(RecordReleaseRequest request, DateTime nowUtc)
    {
        var v = Target(request.DetentionId, request.IdempotencyKey, "record the release twice");
        var at = v.CheckHappened("left_at", request.LeftAt, nowUtc, "Give the time the child left custody.");
        v.CheckKnown("outcome", request.Outcome, "Say whether the child was released, transferred or taken to court.")
            .CheckOptionalText("details", request.Details, MaxText);
        if (request.Outcome == ReleaseOutcome.TransferredToLocalAuthority)
        {
            v.CheckId("accommodation_request_id", request.AccommodationRequestId, "request for accommodation whose place the child went to");
        }
        else
        {
            v.Require(request.AccommodationRequestId.Length == 0, "accommodation_request_id", "Only for a transfer to local authority accommodation.");
        }

        v.ThrowIfAny("The release cannot be recorded.");
        return at!.Value;
    }

    public static DateTime CheckAppropriateAdult(RequestAppropriateAdultRequest request, DateTime nowUtc)
    {
        var v = Target(request.DetentionId, request.IdempotencyKey, "record the request twice");
        var at = v.CheckHappened("requested_at", request.RequestedAt, nowUtc, "Give the time the appropriate adult was asked for.");
        v.CheckKnown("asked", request.Asked, "Say who was asked: parent, carer, social worker or volunteer scheme.")
            .CheckOptionalText("asked_name", request.AskedName, MaxName)
            .ThrowIfAny("The request cannot be recorded.");
        return at!.Value;
    }

    public static DateTime CheckAttended(RecordAppropriateAdultAttendedRequest request, DateTime nowUtc)
    {
        var v = Target(request.DetentionId, request.IdempotencyKey, "record the attendance twice")
            .CheckId("appropriate_adult_id", request.AppropriateAdultId, "appropriate adult request");
        var at = v.CheckHappened("attended_at", request.AttendedAt, nowUtc, "Give the time the appropriate adult arrived.");
        v.ThrowIfAny("The attendance cannot be recorded.");
        return at!.Value;
    }

    public static DateTime CheckReview(RecordReviewRequest request, DateTime nowUtc)
    {
        var v = Target(request.DetentionId, request.IdempotencyKey, "record the review twice");
        var at = v.CheckHappened("reviewed_at", request.ReviewedAt, nowUtc, "Give the time of the review.");
        v.CheckText("reviewer", request.Reviewer, MaxName, "Name the reviewing officer.")
            .CheckKnown("outcome", request.Outcome, "Give the review's outcome.")
            .CheckOptionalText("notes", request.Notes, MaxText)
            .ThrowIfAny("The review cannot be recorded.");
        return at!.Value;
    }

    public static DateTime CheckToldOnWaking(RecordToldOnWakingRequest request, DateTime nowUtc)
    {
        var v = Target(request.DetentionId, request.IdempotencyKey, "record it twice").CheckId("review_id", request.ReviewId, "review");
        var at = v.CheckHappened("told_at", request.ToldAt, nowUtc, "Give the time the child was told.");
        v.ThrowIfAny("The waking record cannot be kept.");
        return at!.Value;
    }

    public static DateTime CheckCertificate(IssueDetentionCertificateRequest request, DateTime nowUtc)
    {
        var v = Target(request.DetentionId, request.IdempotencyKey, "issue a second certificate");
        var at = v.CheckHappened("issued_at", request.IssuedAt, nowUtc, "Give the time of the certificate.");
        v.CheckOptionalText("reason_transfer_impracticable", request.ReasonTransferImpracticable, MaxCertificateText)
            .CheckOptionalText("reason_no_request", request.ReasonNoRequest, MaxCertificateText)
            .ThrowIfAny("The certificate cannot be issued.");
        return at!.Value;
    }

    public static (DateTime At, DateTime? PlaceAvailableAt) CheckAnswer(AnswerAccommodationRequestRequest request, DateTime nowUtc)
    {
        var v = new FieldViolations().CheckId("request_id", request.RequestId, "request for accommodation")
            .CheckIdempotencyKey(request.IdempotencyKey, "answer twice");
        var at = v.CheckHappened("answered_at", request.AnsweredAt, nowUtc, "Give the time of the answer.");
        v.CheckKnown("outcome", request.Outcome, "Say whether a place is offered or the request refused.")
            .CheckOptionalText("answered_by", request.AnsweredBy, MaxName);
        DateTime? available = null;
        if (request.Outcome == AccommodationAnswerOutcome.PlaceOffered)
        {
            v.CheckText("place", request.Place, MaxName, "Say where the place is.");
            if (request.PlaceAvailableAt is null)
            {
                v.Add("place_available_at", "Say when the place is ready.");
            }
            else if (!Timestamps.TryUtc(request.PlaceAvailableAt, out var ready))
            {
                v.Add("place_available_at", "Not a valid time.");
            }
            else
            {
                available = ready;
                v.CheckNotBefore("place_available_at", ready, at, "the answer")
                    .Require(ready <= nowUtc.AddDays(2), "place_available_at", "More than two days ahead: not a place for tonight.");
            }

            v.Require(request.RefusalReason.Length == 0, "refusal_reason", "Only when the request is refused.");
        }
        else if (request.Outcome == AccommodationAnswerOutcome.Refused)
        {
            v.CheckText("refusal_reason", request.RefusalReason, MaxText, "Say why no place can be given: the partnership reports the reasons.")
                .Require(request.Place.Length == 0 && request.PlaceAvailableAt is null, "place", "Only when a place is offered.");
        }

        v.ThrowIfAny("The answer cannot be recorded.");
        return (at!.Value, available);
    }

    public static DateOnly CheckLookedAfter(RecordLookedAfterStatusRequest request, DateWindow window)
    {
        var v = new FieldViolations().CheckIdempotencyKey(request.IdempotencyKey, "record it twice");
        ChildIdentityRules.Validate(v, "child", request.Child, window.Today);
        v.Require(ChildIdentityRules.IsConfirmed(request.Child), "child.nhs_number", "Give the child's NHS number: police nodes' questions are matched on it.");
        if (request.LookedAfter)
        {
            v.CheckKnown("legal_status", request.LegalStatus, "Say under what the child is looked after (s20, care order, ...).");
        }
        else
        {
            v.Require(request.LegalStatus == LookedAfterLegalStatus.Unspecified, "legal_status", "Only for a child who is looked after.");
        }

        var since = v.CheckPastDay("since", request.Since, window, "Give the real calendar day since which the status holds.");
        v.ThrowIfAny("The looked-after status cannot be recorded.");
        return since;
    }

    public static FieldViolations CheckPeriod(GetCustodyReportRequest request, out DateTime from, out DateTime to)
    {
        var v = new FieldViolations();
        from = to = default;
        v.Require(Timestamps.TryUtc(request.From, out from), "from", "Give the start of the period.")
            .Require(Timestamps.TryUtc(request.To, out to), "to", "Give the end of the period.");
        if (!v.HasViolations)
        {
            v.Require(to > from, "to", "The period ends after it starts.")
                .Require(to - from <= TimeSpan.FromDays(400), "to", "At most 400 days: ask for a year at a time.");
        }

        return v;
    }

    private static FieldViolations Target(string detentionId, string idempotencyKey, string consequence) =>
        new FieldViolations().CheckId("detention_id", detentionId, "detention").CheckIdempotencyKey(idempotencyKey, consequence);
}
