using Mash.Contracts.Encompass.V1;

namespace Mash.Custody.Data;

/// <summary>At the police node: a domestic abuse incident recorded for the children's schools (Operation Encompass).</summary>
public sealed class IncidentRecord
{
    public string Id { get; set; } = "";
    public string Area { get; set; } = "";
    public DateTime OccurredAt { get; set; }
    public string Location { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Household { get; set; } = "";
    public string PoliceReference { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
    public List<ChildNotificationRecord> Notifications { get; set; } = [];
}

/// <summary>At the police node: one child's notification, and where the local authority node last said it stands.</summary>
public sealed class ChildNotificationRecord
{
    public string Id { get; set; } = "";
    public string IncidentId { get; set; } = "";
    public string ChildKey { get; set; } = "";
    /// <summary>The child's identity as recorded (mash.common.v1.ChildIdentity).</summary>
    public byte[] Child { get; set; } = [];
    public bool Present { get; set; }
    public string SawOrHeard { get; set; } = "";
    public string LocalAuthorityNode { get; set; } = "";
    public NotificationState State { get; set; }
    public string NotSentReason { get; set; } = "";
    /// <summary>The local authority node's last report (mash.encompass.v1.SchoolNotice); empty until one arrives.</summary>
    public byte[] Notice { get; set; } = [];
    /// <summary>The version of that report: an older one arriving late is ignored.</summary>
    public int NoticeVersion { get; set; }
}
