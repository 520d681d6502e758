using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Auth;
using Mash.Referral.Data;

namespace Mash.Referral.Grpc;

/// <summary>The events the Referral service raises.</summary>
internal static class ReferralEvents
{
    /// <summary>Stays on this node (Referral to Assessment), so it may carry the child's identity.</summary>
    public static ReferralReceived Received(ReferralRecord record, ReferralDetails details) => new()
    {
        ReferralId = record.Id,
        Child = details.Child,
        ReceivedAt = Timestamp.FromDateTime(record.ReceivedAt),
        Area = record.Area,
        ConcernSummary = details.Concern.Description,
        ImmediateProtectionNeeded = details.ImmediateRisk?.ImmediateProtectionNeeded ?? false,
        ReferringAgency = AgencyNames.ToContract(record.SubmittedByAgency),
    };
}
