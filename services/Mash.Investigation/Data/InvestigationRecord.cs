using Mash.Contracts.Investigation.V1;

namespace Mash.Investigation.Data;

/// <summary>A child protection investigation at this (police) node, with its plan, reviews, devices and files.</summary>
public sealed class InvestigationRecord
{
    public string Id { get; set; } = "";
    public string Area { get; set; } = "";
    public SourceKind SourceKind { get; set; }
    public string SourceId { get; set; } = "";
    public string Summary { get; set; } = "";
    public DateTime OpenedAt { get; set; }
    public string Team { get; set; } = "";
    public string Officer { get; set; } = "";
    public DateTime? AllocatedAt { get; set; }
    /// <summary>The supervisory review due now, kept with every review so the overdue list reads an index.</summary>
    public DateTime ReviewDueAt { get; set; }
    public bool Open { get; set; } = true;
    public InvestigationOutcome Outcome { get; set; }
    public string CloseReason { get; set; } = "";
    public DateTime? ClosedAt { get; set; }

    public string ClientId { get; set; } = "";
    public string IdempotencyKey { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public long Version { get; set; }

    public List<InvestigationChildRecord> Children { get; set; } = [];
    public List<StepRecord> Steps { get; set; } = [];
    public List<ReviewRecord> Reviews { get; set; } = [];
    public List<DeviceRecord> Devices { get; set; } = [];
    public List<ChargingFileRecord> ChargingFiles { get; set; } = [];
}

/// <summary>A child the investigation concerns: the key for the stall list's join, the identity to show.</summary>
public sealed class InvestigationChildRecord
{
    public long Id { get; set; }
    public string InvestigationId { get; set; } = "";
    public string ChildKey { get; set; } = "";
    /// <summary>mash.common.v1.ChildIdentity bytes.</summary>
    public byte[] Identity { get; set; } = [];
    public int Position { get; set; }
}

public sealed class StepRecord
{
    public string Id { get; set; } = "";
    public string InvestigationId { get; set; } = "";
    public StepKind Kind { get; set; }
    public string Description { get; set; } = "";
    public DateTime PlannedAt { get; set; }
    public DateTime TargetAt { get; set; }
    public bool WithPartners { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string Note { get; set; } = "";
}

public sealed class ReviewRecord
{
    public long Id { get; set; }
    public string InvestigationId { get; set; } = "";
    public DateTime ReviewedAt { get; set; }
    public DateTime NextReviewDue { get; set; }
    /// <summary>mash.investigation.v1.SupervisoryReview bytes, as recorded.</summary>
    public byte[] Review { get; set; } = [];
}

public sealed class DeviceRecord
{
    public string Id { get; set; } = "";
    public string InvestigationId { get; set; } = "";
    public DeviceType Type { get; set; }
    public DeviceOwner Owner { get; set; }
    public DevicePriority Priority { get; set; }
    public DeviceStage Stage { get; set; }
    public string ExhibitReference { get; set; } = "";
    public DateTime SeizedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? ExaminationStartedAt { get; set; }
    public DateTime? ExaminedAt { get; set; }
    /// <summary>Submitted and not examined: the queue reads this index.</summary>
    public bool Queued { get; set; }
}

public sealed class ChargingFileRecord
{
    public string Id { get; set; } = "";
    public string InvestigationId { get; set; } = "";
    public ChargingRequestCategory Category { get; set; }
    public DateTime SentAt { get; set; }
    public string SuspectReference { get; set; } = "";
    public ChargingDecision Decision { get; set; }
    public DateTime? DecidedAt { get; set; }
    /// <summary>mash.investigation.v1.FurtherWork entries, each length-prefixed (protobuf's delimited form).</summary>
    public byte[] FurtherWork { get; set; } = [];
}

public sealed class CaseAuditRecord
{
    public string Id { get; set; } = "";
    public string InvestigationId { get; set; } = "";
    public DateTime AuditedAt { get; set; }
    /// <summary>"2026-Q4", in the area's local time.</summary>
    public string Quarter { get; set; } = "";
    public AuditGrade Grade { get; set; }
    /// <summary>mash.investigation.v1.CaseAudit bytes.</summary>
    public byte[] Audit { get; set; } = [];
}

/// <summary>Why a child is at high risk, as partners' and this node's events said: a high CSE flag, an s47 strategy decision.</summary>
public sealed class HighRiskMarkRecord
{
    /// <summary>The CSE flag's or the strategy discussion's id.</summary>
    public string Id { get; set; } = "";
    public string ChildKey { get; set; } = "";
    public HighRiskKind Kind { get; set; }
    public DateTime Since { get; set; }
    public bool Active { get; set; }
    public string OriginNode { get; set; } = "";
}

public enum HighRiskKind
{
    HighCseFlag = 1,
    SignificantHarmDecision = 2,
}
