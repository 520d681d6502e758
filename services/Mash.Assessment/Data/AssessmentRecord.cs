using Mash.Contracts.Common.V1;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Referral.V1;
using Mash.Contracts.Strategy.V1;

namespace Mash.Assessment.Data;

/// <summary>
/// An assessment, opened by the decision on a referral (by its receipt, before that version). The child's identity is kept as the contract's protobuf
/// bytes (it stays on this node); what lists filter and order by is kept in columns.
/// </summary>
public sealed class AssessmentRecord
{
    public string Id { get; set; } = "";
    public string ReferralId { get; set; } = "";
    public string ChildKey { get; set; } = "";
    public ChildMatchStatus ChildMatch { get; set; }
    public byte[] Child { get; set; } = [];
    public string Area { get; set; } = "";
    public AssessmentStatus Status { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime DueAt { get; set; }
    public string ConcernSummary { get; set; } = "";
    public bool ImmediateProtectionNeeded { get; set; }
    public Agency ReferringAgency { get; set; }
    /// <summary>The event that started it, for tracing.</summary>
    public string SourceEventId { get; set; } = "";

    public List<AgencyCheckRecord> Checks { get; set; } = [];

    public RiskLevel RiskLevel { get; set; }
    public Rag Rag { get; set; }
    public string Rationale { get; set; } = "";
    public bool SignificantHarmSuspected { get; set; }
    public DateTime? CompletedAt { get; set; }
    public bool TimescaleBreached { get; set; }
    public string CompletedBy { get; set; } = "";

    /// <summary>Closed without a conclusion: opened at receipt, then the referral was decided for no assessment.</summary>
    public DateTime? ClosedAt { get; set; }
    public string ClosureReason { get; set; } = "";

    /// <summary>Optimistic concurrency: a check and the conclusion cannot overwrite each other.</summary>
    public int Version { get; set; }
}

/// <summary>A multi-agency check made for an assessment: which agency's records, what they returned.</summary>
public sealed class AgencyCheckRecord
{
    public long Id { get; set; }
    public string AssessmentId { get; set; } = "";
    public Agency Agency { get; set; }
    public string Result { get; set; } = "";
    public bool InformationFound { get; set; }
    public DateTime CheckedAt { get; set; }
    public string RecordedBy { get; set; } = "";
    public string RecordedByAgency { get; set; } = "";
}
