using Google.Protobuf;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Identity;
using Mash.Referral.Data;
using Mash.Referral.Domain;
using Mash.Referral.IntegrationEvents;

namespace Mash.Referral.Application;

/// <summary>
/// A referral as a node first stores it, whether submitted here or arriving from another node for this
/// front door: scored against the minimum data set, the child keyed, every clock counted from receipt.
/// </summary>
internal sealed class ReferralFactory(ReferralTimescales timescales, ChildKeyHasher childKeys)
{
    /// <summary>The key the referral's child is stored under: asked before the record is made, to look the child up.</summary>
    public string ChildKeyOf(ReferralDetails details) => childKeys.KeyFor(details.Child);

    public ReferralRecord Create(
        string id, string childKey, ReferralDetails details, string area, DateTime receivedAt, DateTime enteredAt, ReferralRole role, string frontDoorNode)
    {
        var decisionDue = timescales.ClockFor(area).DecisionDueAt(receivedAt);
        var completeness = CompletenessAssessor.Assess(details);
        return new ReferralRecord
        {
            Id = id,
            ChildKey = childKey,
            ChildMatch = (NhsNumber.IsValid(details.Child.NhsNumber) ? ChildMatchStatus.Confirmed : ChildMatchStatus.Unconfirmed),
            Area = area,
            Role = role,
            FrontDoorNode = frontDoorNode,
            Status = ReferralStatus.AwaitingScreening,
            ReceivedAt = receivedAt,
            EnteredAt = enteredAt,
            DecisionDueAt = decisionDue,
            DueAt = decisionDue,
            DueDeadline = ReferralDeadline.Decision,
            CompletenessScore = completeness.Score,
            Completeness = completeness.ToByteArray(),
            Details = details.ToByteArray(),
        };
    }
}
