using Mash.Contracts.Common.V1;
using Mash.Contracts.Offender.V1;

namespace Mash.Offender.Data;

/// <summary>
/// An offender managed on this node. What lists are queried by is kept in columns (risk, area,
/// officer, the next visit and re-confirmation due); the address as the contract's protobuf bytes.
/// Area and officer are kept as given and, for matching, folded (<see cref="Fold"/>).
/// </summary>
public sealed class OffenderRecord
{
    public string Id { get; set; } = "";
    public string GivenName { get; set; } = "";
    public string FamilyName { get; set; } = "";
    public DateOnly DateOfBirth { get; set; }
    /// <summary>Empty when not given; otherwise unique on the node.</summary>
    public string PncId { get; set; } = "";
    public MappaCategory MappaCategory { get; set; }
    public MappaLevel MappaLevel { get; set; }
    public OffenderRisk Risk { get; set; }
    public string RiskRationale { get; set; } = "";
    public byte[] Address { get; set; } = [];
    public string Area { get; set; } = "";
    public string AreaKey { get; set; } = "";
    public string ManagingOfficer { get; set; } = "";
    public string OfficerKey { get; set; } = "";

    public DateOnly RegisteredOn { get; set; }
    public DateTime RegisteredAt { get; set; }
    public string RegisteredBy { get; set; } = "";

    public bool NotificationApplies { get; set; }
    public DateOnly? NotificationEndsOn { get; set; }
    public DateOnly LastNotifiedOn { get; set; }
    public DateOnly? ReconfirmationDueBy { get; set; }

    public int VisitIntervalWeeks { get; set; }
    public DateOnly? LastSeenOn { get; set; }
    public DateOnly? NextVisitDueBy { get; set; }

    /// <summary>Optimistic concurrency: every command moves it on, so none overwrites another.</summary>
    public int Version { get; set; }

    public List<RiskChangeRecord> RiskChanges { get; set; } = [];
    public List<NotificationRecord> Notifications { get; set; } = [];
    public List<VisitRecord> Visits { get; set; } = [];
    public List<MeasureRecord> Measures { get; set; } = [];
    public List<ChildLinkRecord> Links { get; set; } = [];

    /// <summary>How areas and officers are matched: trimmed, case ignored.</summary>
    public static string Fold(string value) => value.Trim().ToUpperInvariant();
}

public sealed class RiskChangeRecord
{
    public long Id { get; set; }
    public string OffenderId { get; set; } = "";
    public OffenderRisk PreviousRisk { get; set; }
    public OffenderRisk Risk { get; set; }
    public MappaLevel PreviousMappaLevel { get; set; }
    public MappaLevel MappaLevel { get; set; }
    /// <summary>As the officer wrote it: shared with partners for each linked child.</summary>
    public string Rationale { get; set; } = "";
    /// <summary>For this node only: never shared.</summary>
    public string InternalNote { get; set; } = "";
    public DateTime ChangedAt { get; set; }
    public string ChangedBy { get; set; } = "";
}

public sealed class NotificationRecord
{
    public string Id { get; set; } = "";
    public string OffenderId { get; set; } = "";
    public NotificationKind Kind { get; set; }
    public DateOnly? ChangeOccurredOn { get; set; }
    public DateOnly? NotifiedOn { get; set; }
    public DateOnly DueBy { get; set; }
    /// <summary>mash.offender.v1.BreachKind; 0 when made in time.</summary>
    public BreachKind Breach { get; set; }
    public string Details { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}

public sealed class VisitRecord
{
    public string Id { get; set; } = "";
    public string OffenderId { get; set; } = "";
    public DateOnly VisitedOn { get; set; }
    public string Officer { get; set; } = "";
    public VisitOutcome Outcome { get; set; }
    public string Notes { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}
