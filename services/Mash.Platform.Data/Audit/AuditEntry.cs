namespace Mash.Platform.Audit;

/// <summary>
/// One read or write of a child's record: who, what, why, the outcome and when. Entries are
/// append-only and chained: each hash covers the entry and the hash before it.
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; set; }
    public DateTime OccurredAt { get; set; }
    public string Agency { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string Method { get; set; } = "";
    /// <summary>The keyed hash of the child, never an NHS number or name.</summary>
    public string ChildKey { get; set; } = "";
    public string RecordId { get; set; } = "";
    public string Purpose { get; set; } = "";
    public string LawfulBasis { get; set; } = "";
    public string Outcome { get; set; } = "";
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}
