using Mash.Contracts.Custody.V1;
using Mash.Custody.Data;
using Mash.Custody.Domain;
using Mash.Platform.Errors;
using Mash.Platform.Time;
using Google.Protobuf;
using Mash.Platform.Identity;

namespace Mash.Custody.Application;

/// <summary>The child's rights and safeguards while detained: appropriate adults, reviews of detention, the s38(7) certificate.</summary>
internal sealed class WelfareCommands(DetentionCommand command, CustodyRules rules, ServiceClock clock)
{
    public Task<Detention> RequestAppropriateAdultAsync(RequestAppropriateAdultRequest request, CancellationToken cancellationToken)
    {
        var at = RequestRules.CheckAppropriateAdult(request, clock.UtcNow);
        return command.RunAsync("RequestAppropriateAdult", request, request.DetentionId, request.IdempotencyKey, record =>
        {
            DetentionCommands.RequireInCustody(record, at, "requested_at");
            DetentionCommand.RequireInOrder("requested_at", at, record.ArrivedAt, "the arrival", "The request cannot be recorded.");
            record.AppropriateAdults.Add(new AppropriateAdultRecord
            {
                Id = RecordIds.New("aad_", clock.Now),
                DetentionId = record.Id,
                Kind = request.Asked,
                Name = request.AskedName.Trim(),
                RequestedAt = at,
            });
        }, cancellationToken);
    }

    public Task<Detention> RecordAttendedAsync(RecordAppropriateAdultAttendedRequest request, CancellationToken cancellationToken)
    {
        var at = RequestRules.CheckAttended(request, clock.UtcNow);
        return command.RunAsync("RecordAppropriateAdultAttended", request, request.DetentionId, request.IdempotencyKey, record =>
        {
            var adult = record.AppropriateAdults.FirstOrDefault(a => a.Id == request.AppropriateAdultId)
                ?? throw RpcErrors.NotFound("appropriate adult request", request.AppropriateAdultId);
            if (adult.AttendedAt is { } attended)
            {
                throw DetentionCommand.Refused(record, "ALREADY_ATTENDED", $"The appropriate adult's attendance was recorded at {attended:yyyy-MM-dd HH:mm} UTC.");
            }

            DetentionCommand.RequireInOrder("attended_at", at, adult.RequestedAt, "the request for the appropriate adult", "The attendance cannot be recorded.");
            adult.AttendedAt = at;
        }, cancellationToken);
    }

    public Task<Detention> RecordReviewAsync(RecordReviewRequest request, CancellationToken cancellationToken)
    {
        var at = RequestRules.CheckReview(request, clock.UtcNow);
        return command.RunAsync("RecordReview", request, request.DetentionId, request.IdempotencyKey, record =>
        {
            DetentionCommands.RequireInCustody(record, at, "reviewed_at");
            DetentionCommand.RequireInOrder("reviewed_at", at, record.AuthorisedAt, "detention was authorised", "The review cannot be recorded.");
            record.Reviews.Add(new ReviewRecord
            {
                Id = RecordIds.New("rev_", clock.Now),
                DetentionId = record.Id,
                ReviewedAt = at,
                Reviewer = request.Reviewer.Trim(),
                Outcome = request.Outcome,
                ChildAsleep = request.ChildAsleep,
                Notes = request.Notes.Trim(),
            });
        }, cancellationToken);
    }

    public Task<Detention> RecordToldOnWakingAsync(RecordToldOnWakingRequest request, CancellationToken cancellationToken)
    {
        var at = RequestRules.CheckToldOnWaking(request, clock.UtcNow);
        return command.RunAsync("RecordToldOnWaking", request, request.DetentionId, request.IdempotencyKey, record =>
        {
            var review = record.Reviews.FirstOrDefault(r => r.Id == request.ReviewId) ?? throw RpcErrors.NotFound("review", request.ReviewId);
            if (!review.ChildAsleep)
            {
                throw DetentionCommand.Refused(record, "CHILD_AWAKE", "The child was awake at this review: there is nothing to tell on waking.");
            }

            if (review.ToldOnWakingAt is { } told)
            {
                throw DetentionCommand.Refused(record, "ALREADY_TOLD", $"The child was told of this review at {told:yyyy-MM-dd HH:mm} UTC.");
            }

            DetentionCommand.RequireInOrder("told_at", at, review.ReviewedAt, "the review", "The waking record cannot be kept.");
            review.ToldOnWakingAt = at;
        }, cancellationToken);
    }

    public Task<Detention> IssueCertificateAsync(IssueDetentionCertificateRequest request, CancellationToken cancellationToken)
    {
        var at = RequestRules.CheckCertificate(request, clock.UtcNow);
        return command.RunAsync("IssueDetentionCertificate", request, request.DetentionId, request.IdempotencyKey, record =>
        {
            if (record.CertificateIssuedAt is { } issued)
            {
                throw RpcErrors.AlreadyExists("CERTIFICATE_ISSUED", $"The s38(7) certificate for this detention was issued at {issued:yyyy-MM-dd HH:mm} UTC.");
            }

            var sent = record.Requests.Count(r => r.State != AccommodationRequestState.NotSent);
            var reasonNoRequest = request.ReasonNoRequest.Trim().Length > 0 ? request.ReasonNoRequest.Trim() : record.NoRequestReason;
            var missing = CertificateRules.Missing(record.BailOutcome == BailOutcome.Refused, sent, reasonNoRequest.Length > 0,
                !string.IsNullOrWhiteSpace(request.ReasonTransferImpracticable));
            if (missing.Count > 0)
            {
                throw DetentionCommand.Refused(record, "CERTIFICATE_INCOMPLETE", "The s38(7) certificate needs " + string.Join("; and ", missing) + ".");
            }

            DetentionCommand.RequireInOrder("issued_at", at, record.BailDecidedAt, "bail was refused", "The certificate cannot be issued.");
            var now = clock.UtcNow;
            var certificate = new DetentionCertificate
            {
                IssuedAt = Timestamps.Of(at),
                IssuedBy = command.Actor,
                HoursDetained = Math.Round((at - record.ArrivedAt).TotalHours, 2),
                ReasonTransferImpracticable = request.ReasonTransferImpracticable.Trim(),
                ReasonNoRequest = reasonNoRequest,
            };
            var area = rules.For(record.Area);
            certificate.Requests.AddRange(record.Requests.OrderBy(r => r.RequestedAt).Select(r => r.ToContract(record, now, area, rules.ThisNode)));
            record.CertificateIssuedAt = at;
            record.CertificateIssuedBy = certificate.IssuedBy;
            record.CertificateHoursDetained = certificate.HoursDetained;
            record.CertificateReasonImpracticable = certificate.ReasonTransferImpracticable;
            record.CertificateReasonNoRequest = certificate.ReasonNoRequest;
            record.CertificateRequests = certificate.ToByteArray();
        }, cancellationToken);
    }
}
