namespace Mash.Referral.Data;

/// <summary>
/// A stored referral. The minimum data set is kept as the contract's protobuf bytes (it evolves
/// by adding fields); what the queue filters and orders by is kept in columns.
/// </summary>
public sealed class ReferralRecord
{
    public string Id { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string IdempotencyKey { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public string SubmittedByAgency { get; set; } = "";
    public string ChildKey { get; set; } = "";
    public int ChildMatch { get; set; }
    public string Area { get; set; } = "";
    public int Status { get; set; }
    public DateTime ReceivedAt { get; set; }
    public DateTime DecisionDueAt { get; set; }
    /// <summary>The earliest deadline still running: what the queue orders by.</summary>
    public DateTime DueAt { get; set; }
    public int CompletenessScore { get; set; }
    public byte[] Completeness { get; set; } = [];
    public byte[] Details { get; set; } = [];

    public int Rag { get; set; }
    public string ScreeningRationale { get; set; } = "";
    public DateTime? ScreenedAt { get; set; }
    public DateTime? RagDueAt { get; set; }
    public string ScreenedBy { get; set; } = "";

    public int Outcome { get; set; }
    public string DecisionRationale { get; set; } = "";
    public DateTime? DecidedAt { get; set; }
    public bool DecisionBreached { get; set; }
    public string LatenessReason { get; set; } = "";
    public string DecidedBy { get; set; } = "";

    /// <summary>Optimistic concurrency: two screeners or deciders cannot overwrite each other.</summary>
    public int Version { get; set; }
}
