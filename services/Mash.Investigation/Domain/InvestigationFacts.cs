using Mash.Contracts.Investigation.V1;

namespace Mash.Investigation.Domain;

/// <summary>What the stall rules need of an investigation, in UTC.</summary>
public sealed record InvestigationFacts(
    DateTime OpenedAt,
    bool Open,
    IReadOnlyList<StepFacts> Steps,
    IReadOnlyList<DeviceFacts> Devices,
    IReadOnlyList<ReviewFacts> Reviews);

public sealed record StepFacts(StepKind Kind, DateTime PlannedAt, DateTime TargetAt, DateTime? CompletedAt);

public sealed record DeviceFacts(DateTime SeizedAt, DateTime? SubmittedAt, DateTime? ExaminedAt, DevicePriority Priority);

public sealed record ReviewFacts(DateTime ReviewedAt, DateTime NextReviewDue);
