using Mash.Contracts.Common.V1;

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
    /// <summary>The person the client acted for (empty when it did not say), vouched for by <see cref="ClientId"/> or a delegated token.</summary>
    public string PractitionerId { get; set; } = "";
    public string PractitionerName { get; set; } = "";
    public string PractitionerRole { get; set; } = "";
    public PractitionerSource PractitionerSource { get; set; }
    /// <summary>Empty for an access at this service; a partner node's id for its access notice.</summary>
    public string AccessedAtNode { get; set; } = "";
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}
