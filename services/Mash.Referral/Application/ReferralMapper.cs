using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Auth;
using Mash.Referral.Data;
using Mash.Referral.IntegrationEvents;

namespace Mash.Referral.Application;

/// <summary>Stored referral to contract message.</summary>
internal static class ReferralMapper
{
    /// <param name="record">The stored referral.</param>
    /// <param name="nowUtc">Now, for whether it is overdue.</param>
    /// <param name="thisNode">The node answering: the referring node of a referral submitted here.</param>
    public static Contracts.Referral.V1.Referral ToContract(this ReferralRecord record, DateTime nowUtc, string thisNode)
    {
        var referral = new Contracts.Referral.V1.Referral
        {
            ReferralId = record.Id,
            Details = record.ParseDetails(),
            Status = record.Status,
            ChildMatch = record.ChildMatch,
            Completeness = Completeness.Parser.ParseFrom(record.Completeness),
            ReceivedAt = Timestamp.FromDateTime(record.ReceivedAt),
            DecisionDueAt = Timestamp.FromDateTime(record.DecisionDueAt),
            DueAt = Timestamp.FromDateTime(record.DueAt),
            DueDeadline = record.DueDeadline,
            Overdue = IsOverdue(record, nowUtc),
            SubmittedByAgency = AgencyNames.ToContract(record.SubmittedByAgency),
            SubmittedByClient = record.ClientId,
            Area = record.Area,
            Role = record.Role,
            ReferringNode = record.OriginNode.Length > 0 ? record.OriginNode : thisNode,
            // Empty on referrals stored before front doors: each was screened where it was submitted.
            FrontDoorNode = record.FrontDoorNode.Length > 0 ? record.FrontDoorNode : thisNode,
            EnteredAt = Timestamp.FromDateTime(record.EnteredAt),
            FrontDoorAcknowledgedAt = record.AcknowledgedAt is { } acknowledged ? Timestamp.FromDateTime(acknowledged) : null,
        };

        if (record.ScreenedAt is { } screenedAt)
        {
            referral.Screening = new Screening
            {
                Rag = record.Rag,
                Rationale = record.ScreeningRationale,
                ScreenedAt = Timestamp.FromDateTime(screenedAt),
                DueAt = record.RagDueAt is { } ragDue ? Timestamp.FromDateTime(ragDue) : null,
                ScreenedBy = record.ScreenedBy,
                Agency = AgencyNames.ToContract(record.ScreenedByAgency),
            };
        }

        if (record.DecidedAt is { } decidedAt)
        {
            referral.Decision = new Decision
            {
                Outcome = record.Outcome,
                Rationale = record.DecisionRationale,
                DecidedAt = Timestamp.FromDateTime(decidedAt),
                TimescaleBreached = record.DecisionBreached,
                LatenessReason = record.LatenessReason,
                DecidedBy = record.DecidedBy,
                Agency = AgencyNames.ToContract(record.DecidedByAgency),
            };
        }

        return referral;
    }

    public static ReferralDetails ParseDetails(this ReferralRecord record) => ReferralDetails.Parser.ParseFrom(record.Details);

    public static bool IsOverdue(ReferralRecord record, DateTime nowUtc) =>
        record.Status == ReferralStatus.Decided ? record.DecisionBreached : nowUtc > record.DueAt;
}
