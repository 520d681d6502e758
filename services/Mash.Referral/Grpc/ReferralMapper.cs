using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Auth;
using Mash.Referral.Data;

namespace Mash.Referral.Grpc;

/// <summary>Stored referral to contract message.</summary>
internal static class ReferralMapper
{
    public static Contracts.Referral.V1.Referral ToContract(this ReferralRecord record, DateTime nowUtc)
    {
        var referral = new Contracts.Referral.V1.Referral
        {
            ReferralId = record.Id,
            Details = ReferralDetails.Parser.ParseFrom(record.Details),
            Status = (ReferralStatus)record.Status,
            ChildMatch = (ChildMatchStatus)record.ChildMatch,
            Completeness = Completeness.Parser.ParseFrom(record.Completeness),
            ReceivedAt = Timestamp.FromDateTime(record.ReceivedAt),
            DecisionDueAt = Timestamp.FromDateTime(record.DecisionDueAt),
            DueAt = Timestamp.FromDateTime(record.DueAt),
            Overdue = IsOverdue(record, nowUtc),
            SubmittedByAgency = AgencyNames.ToContract(record.SubmittedByAgency),
            SubmittedByClient = record.ClientId,
            Area = record.Area,
        };

        if (record.ScreenedAt is { } screenedAt)
        {
            referral.Screening = new Screening
            {
                Rag = (Rag)record.Rag,
                Rationale = record.ScreeningRationale,
                ScreenedAt = Timestamp.FromDateTime(screenedAt),
                DueAt = record.RagDueAt is { } ragDue ? Timestamp.FromDateTime(ragDue) : null,
                ScreenedBy = record.ScreenedBy,
            };
        }

        if (record.DecidedAt is { } decidedAt)
        {
            referral.Decision = new Decision
            {
                Outcome = (ReferralOutcome)record.Outcome,
                Rationale = record.DecisionRationale,
                DecidedAt = Timestamp.FromDateTime(decidedAt),
                TimescaleBreached = record.DecisionBreached,
                LatenessReason = record.LatenessReason,
                DecidedBy = record.DecidedBy,
            };
        }

        return referral;
    }

    public static bool IsOverdue(ReferralRecord record, DateTime nowUtc) =>
        record.Status == (int)ReferralStatus.Decided ? record.DecisionBreached : nowUtc > record.DueAt;
}
