using Mash.Contracts.Encompass.V1;

namespace Mash.Custody.Data;

/// <summary>
/// At the local authority node: a police node's notification about one child, on its way to the
/// child's school. Columns, not a blob, for what the lists filter on: the school, the stage, the clock.
/// </summary>
public sealed class SchoolNotificationRecord
{
    public string Id { get; set; } = "";
    public string IncidentId { get; set; } = "";
    public string PoliceNode { get; set; } = "";
    public string Area { get; set; } = "";
    public string ChildKey { get; set; } = "";
    public byte[] Child { get; set; } = [];
    public bool Present { get; set; }
    public string SawOrHeard { get; set; } = "";
    public DateTime OccurredAt { get; set; }
    public string Location { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Household { get; set; } = "";
    public string PoliceReference { get; set; } = "";
    public DateTime ReceivedAt { get; set; }
    public DateTime DueAt { get; set; }
    public DateTime VisibleFrom { get; set; }
    /// <summary>Awaiting school, with school (held or not), acknowledged, or no school found; held is worked out from the clock.</summary>
    public NotificationState Stage { get; set; }
    public string SchoolUrn { get; set; } = "";
    public string SchoolName { get; set; } = "";
    public DateTime? SchoolFoundAt { get; set; }
    public string NoSchoolReason { get; set; } = "";
    public DateTime? NoSchoolAt { get; set; }
    public string AcknowledgedBy { get; set; } = "";
    public DateTime? AcknowledgedAt { get; set; }
    public string SupportPlanned { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    /// <summary>Moves on with every change: the concurrency token, and the version of the update sent to the police node.</summary>
    public int Version { get; set; }
}

/// <summary>At the local authority node: the school a child attends; the latest recorded replaces the one before.</summary>
public sealed class EnrolmentRecord
{
    public string ChildKey { get; set; } = "";
    public byte[] Child { get; set; } = [];
    public string SchoolUrn { get; set; } = "";
    public string SchoolName { get; set; } = "";
    public DateOnly Since { get; set; }
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}
