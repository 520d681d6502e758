namespace Mash.Investigation.Data;

/// <summary>What this node's daily list was last told of an investigation's stalls, so only changes are sent.</summary>
public sealed class ReportedStallRecord
{
    public string InvestigationId { get; set; } = "";
    /// <summary>The stalls' reasons and since, and the high-risk reasons, as last sent.</summary>
    public string Fingerprint { get; set; } = "";
    public DateTime ReportedAt { get; set; }
}
