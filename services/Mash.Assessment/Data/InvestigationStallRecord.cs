namespace Mash.Assessment.Data;

/// <summary>An investigation of the child at this node that is stalled now, as the Investigation service last said.</summary>
public sealed class InvestigationStallRecord
{
    public string InvestigationId { get; set; } = "";
    public string ChildKey { get; set; } = "";
    /// <summary>mash.events.v1.InvestigationStallsChanged bytes.</summary>
    public byte[] Change { get; set; } = [];
    public DateTime ChangedAt { get; set; }
}
