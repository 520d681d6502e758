using Mash.Contracts.Common.V1;
using Mash.Contracts.Referral.V1;

namespace Mash.Referral.Data;

/// <summary>
/// A stored referral: one this node screens and decides as the area's front door, or this node's copy
/// of one it sent to the front door at another node (<see cref="Role"/>). The minimum data set is kept
/// as the contract's protobuf bytes (it evolves by adding fields); what the queue filters and orders
/// by is kept in columns.
/// </summary>
public sealed class ReferralRecord
{
    /// <summary>The same at the referring node and at the front door.</summary>
    public string Id { get; set; } = "";
    /// <summary>The node it was submitted at when that is another node (it arrived as an event); empty when submitted here.</summary>
    public string OriginNode { get; set; } = "";
    /// <summary>The referring partner's client application; with <see cref="OriginNode"/> and the key, one referral per submission.</summary>
    public string ClientId { get; set; } = "";
    /// <summary>The caller's key; for a referral from another node, the referral's id.</summary>
    public string IdempotencyKey { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public string SubmittedByAgency { get; set; } = "";
    public string ChildKey { get; set; } = "";
    public ChildMatchStatus ChildMatch { get; set; }
    public string Area { get; set; } = "";
    /// <summary>mash.referral.v1.ReferralRole: screened and decided here, or the referrer's copy.</summary>
    public ReferralRole Role { get; set; }
    /// <summary>The node running the area's front door, which screens and decides it.</summary>
    public string FrontDoorNode { get; set; } = "";
    public ReferralStatus Status { get; set; }
    /// <summary>When the contact was received: every clock counts from it.</summary>
    public DateTime ReceivedAt { get; set; }
    /// <summary>When it was entered at the referring node.</summary>
    public DateTime EnteredAt { get; set; }
    public DateTime DecisionDueAt { get; set; }
    /// <summary>The earliest deadline still open: what the queue orders by.</summary>
    public DateTime DueAt { get; set; }
    /// <summary>mash.referral.v1.ReferralDeadline: which deadline <see cref="DueAt"/> is.</summary>
    public ReferralDeadline DueDeadline { get; set; }
    /// <summary>On a referrer's copy: when the front door stored it (its receipt).</summary>
    public DateTime? AcknowledgedAt { get; set; }
    public int CompletenessScore { get; set; }
    public byte[] Completeness { get; set; } = [];
    public byte[] Details { get; set; } = [];

    public Rag Rag { get; set; }
    public string ScreeningRationale { get; set; } = "";
    public DateTime? ScreenedAt { get; set; }
    public DateTime? RagDueAt { get; set; }
    public string ScreenedBy { get; set; } = "";
    public string ScreenedByAgency { get; set; } = "";

    public ReferralOutcome Outcome { get; set; }
    public string DecisionRationale { get; set; } = "";
    public DateTime? DecidedAt { get; set; }
    public bool DecisionBreached { get; set; }
    public string LatenessReason { get; set; } = "";
    public string DecidedBy { get; set; } = "";
    public string DecidedByAgency { get; set; } = "";

    /// <summary>
    /// Decided before the version that starts next steps at the decision: its decision is still to be
    /// announced to this node's Assessment service (set by the migration; cleared by the announcement).
    /// </summary>
    public bool NextStepsPending { get; set; }

    /// <summary>Optimistic concurrency: two screeners or deciders cannot overwrite each other.</summary>
    public int Version { get; set; }
}
