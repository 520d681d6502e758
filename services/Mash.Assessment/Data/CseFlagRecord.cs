using Mash.Contracts.Common.V1;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Referral.V1;
using Mash.Contracts.Strategy.V1;

namespace Mash.Assessment.Data;

/// <summary>
/// A CSE flag on a child's record. A child has at most one active flag (a filtered unique index),
/// and every raise, review and clearance is kept in <see cref="History"/>.
/// </summary>
public sealed class CseFlagRecord
{
    public string Id { get; set; } = "";
    public string ChildKey { get; set; } = "";
    public ChildMatchStatus ChildMatch { get; set; }
    public byte[] Child { get; set; } = [];
    public CseRisk Risk { get; set; }
    public bool Active { get; set; }
    public DateTime RaisedAt { get; set; }
    public DateTime? ClearedAt { get; set; }
    /// <summary>The lawful basis named when raised: it covers sharing the flag's later changes.</summary>
    public LawfulBasis LawfulBasis { get; set; }

    public string ClientId { get; set; } = "";
    public string IdempotencyKey { get; set; } = "";
    public string RequestHash { get; set; } = "";

    /// <summary>The suspected perpetrator as raised or last reviewed: 0 and empty when not named.</summary>
    public int SuspectAgeYears { get; set; }
    public SuspectAgeBand SuspectAgeBand { get; set; }
    public SuspectRelationship SuspectRelationship { get; set; }
    /// <summary>An offender at this node's Offender service. Partners learn only that there is one.</summary>
    public string SuspectOffenderId { get; set; } = "";
    /// <summary>Who they are, as far as known: never shared.</summary>
    public string SuspectDescription { get; set; } = "";
    /// <summary>Where the child was contacted: shared with partners as written.</summary>
    public string ContactPlatform { get; set; } = "";
    public string ContactPlace { get; set; } = "";

    public List<CseFlagHistoryRecord> History { get; set; } = [];

    public int Version { get; set; }
}

/// <summary>Who changed a flag, when, why and on which evidence.</summary>
public sealed class CseFlagHistoryRecord
{
    public long Id { get; set; }
    public string FlagId { get; set; } = "";
    public FlagAction Action { get; set; }
    public CseRisk Risk { get; set; }
    public string Reason { get; set; } = "";
    public string Evidence { get; set; } = "";
    public string ChangedBy { get; set; } = "";
    public string ChangedByAgency { get; set; } = "";
    public DateTime ChangedAt { get; set; }
}
