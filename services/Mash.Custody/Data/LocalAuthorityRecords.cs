using Mash.Contracts.Custody.V1;

namespace Mash.Custody.Data;

/// <summary>At the local authority's node: a police node's request for accommodation for a charged child.</summary>
public sealed class ReceivedRequestRecord
{
    /// <summary>The police node's request id: one row however often its event arrives.</summary>
    public string Id { get; set; } = "";
    public string PoliceNode { get; set; } = "";
    public string DetentionId { get; set; } = "";
    public string ChildKey { get; set; } = "";
    /// <summary>mash.common.v1.ChildIdentity bytes.</summary>
    public byte[] Child { get; set; } = [];
    public int AgeAtArrest { get; set; }
    public DateTime? ChargedAt { get; set; }
    public string CustodySuite { get; set; } = "";
    public string Offence { get; set; } = "";
    public string Area { get; set; } = "";
    public DateTime RequestedAt { get; set; }
    public string RequestedBy { get; set; } = "";
    public bool SecureAccommodationSought { get; set; }
    public string PublicProtectionReason { get; set; } = "";
    public DateTime ReceivedAt { get; set; }
    /// <summary>Unanswered requests are listed oldest first from this index.</summary>
    public bool Answered { get; set; }
    public AnswerColumns Answer { get; set; } = new();
    public long Version { get; set; }
}

/// <summary>At the local authority's node: whether it looks after a child, as its case record says; one row per child.</summary>
public sealed class LookedAfterChildRecord
{
    public string ChildKey { get; set; } = "";
    /// <summary>mash.common.v1.ChildIdentity bytes.</summary>
    public byte[] Child { get; set; } = [];
    public bool LookedAfter { get; set; }
    public LookedAfterLegalStatus LegalStatus { get; set; }
    public DateOnly Since { get; set; }
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}
