using Mash.Contracts.Common.V1;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Referral.V1;
using Mash.Contracts.Strategy.V1;

namespace Mash.Assessment.Data;

/// <summary>
/// What a partner agency's node shared about a child (a CSE flag change or a risk level), kept as
/// received: the event's payload bytes with its provenance. The columns after <see cref="Payload"/>
/// repeat what the risk queries filter on.
/// </summary>
public sealed class PartnerRiskRecord
{
    /// <summary>Order of arrival.</summary>
    public long Sequence { get; set; }
    public string EventId { get; set; } = "";
    public string ChildKey { get; set; } = "";
    public string OriginNode { get; set; } = "";
    public Agency OriginAgency { get; set; }
    public DateTime OccurredAt { get; set; }
    public DateTime ReceivedAt { get; set; }
    public LawfulBasis LawfulBasis { get; set; }
    public string Purpose { get; set; } = "";
    /// <summary>The payload's full protobuf name, e.g. mash.events.v1.CseFlagChanged.</summary>
    public string Kind { get; set; } = "";
    public byte[] Payload { get; set; } = [];

    public string FlagId { get; set; } = "";
    public FlagAction FlagAction { get; set; }
    public CseRisk CseRisk { get; set; }
    public RiskLevel RiskLevel { get; set; }
}
