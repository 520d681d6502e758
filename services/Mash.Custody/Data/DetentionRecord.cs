using Mash.Contracts.Common.V1;
using Mash.Contracts.Custody.V1;

namespace Mash.Custody.Data;

/// <summary>A juvenile's detention at this police node, with everything recorded about it.</summary>
public sealed class DetentionRecord
{
    public string Id { get; set; } = "";
    public string ChildKey { get; set; } = "";
    /// <summary>mash.common.v1.ChildIdentity bytes.</summary>
    public byte[] Child { get; set; } = [];
    public ChildMatchStatus ChildMatch { get; set; }
    public string Area { get; set; } = "";
    public int AgeAtArrest { get; set; }
    public string CustodyReference { get; set; } = "";
    public string CustodySuite { get; set; } = "";
    public string Offence { get; set; } = "";
    public DateTime ArrestedAt { get; set; }
    public DateTime ArrivedAt { get; set; }
    public DateTime AuthorisedAt { get; set; }
    public DateTime? ChargedAt { get; set; }
    public string Charges { get; set; } = "";

    public BailOutcome BailOutcome { get; set; }
    public DateTime? BailDecidedAt { get; set; }
    public BailRefusalGround BailRefusalGround { get; set; }
    public bool SecureAccommodationSought { get; set; }
    public string PublicProtectionReason { get; set; } = "";
    public string NoRequestReason { get; set; } = "";
    public string BailDecidedBy { get; set; } = "";

    public DateTime? LeftAt { get; set; }
    public ReleaseOutcome ReleaseOutcome { get; set; }
    public string ReleaseRequestId { get; set; } = "";
    public string ReleaseDetails { get; set; } = "";

    public LookedAfterStatus LookedAfter { get; set; }
    public LookedAfterSource LookedAfterSource { get; set; }
    public LookedAfterLegalStatus LookedAfterLegalStatus { get; set; }
    public DateTime? LookedAfterEstablishedAt { get; set; }
    public string LookedAfterNode { get; set; } = "";

    public DateTime? CertificateIssuedAt { get; set; }
    public string CertificateIssuedBy { get; set; } = "";
    public double CertificateHoursDetained { get; set; }
    public string CertificateReasonImpracticable { get; set; } = "";
    public string CertificateReasonNoRequest { get; set; } = "";
    /// <summary>The requests with their answers as they stood when the certificate was issued: mash.custody.v1.DetentionCertificate bytes.</summary>
    public byte[] CertificateRequests { get; set; } = [];

    /// <summary>Still in custody: the list of children in custody now reads this index.</summary>
    public bool InCustody { get; set; } = true;
    public DateTime OpenedAt { get; set; }
    public string OpenedBy { get; set; } = "";
    public long Version { get; set; }

    public List<AppropriateAdultRecord> AppropriateAdults { get; set; } = [];
    public List<ReviewRecord> Reviews { get; set; } = [];
    public List<AccommodationRequestRecord> Requests { get; set; } = [];
}

public sealed class AppropriateAdultRecord
{
    public string Id { get; set; } = "";
    public string DetentionId { get; set; } = "";
    public AppropriateAdultKind Kind { get; set; }
    public string Name { get; set; } = "";
    public DateTime RequestedAt { get; set; }
    public DateTime? AttendedAt { get; set; }
}

public sealed class ReviewRecord
{
    public string Id { get; set; } = "";
    public string DetentionId { get; set; } = "";
    public DateTime ReviewedAt { get; set; }
    public string Reviewer { get; set; } = "";
    public ReviewOutcome Outcome { get; set; }
    public bool ChildAsleep { get; set; }
    public DateTime? ToldOnWakingAt { get; set; }
    public string Notes { get; set; } = "";
}

/// <summary>A request for accommodation this police node made, with the local authority's answer when it came.</summary>
public sealed class AccommodationRequestRecord
{
    public string Id { get; set; } = "";
    public string DetentionId { get; set; } = "";
    public string LocalAuthorityNode { get; set; } = "";
    public DateTime RequestedAt { get; set; }
    public string RequestedBy { get; set; } = "";
    public bool SecureAccommodationSought { get; set; }
    public string PublicProtectionReason { get; set; } = "";
    public AccommodationRequestState State { get; set; }
    public string NotSentReason { get; set; } = "";
    public AnswerColumns Answer { get; set; } = new();
}

/// <summary>The local authority's answer, the same columns at both nodes.</summary>
public sealed class AnswerColumns
{
    public AccommodationAnswerOutcome Outcome { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public string AnsweredBy { get; set; } = "";
    public string Place { get; set; } = "";
    public DateTime? PlaceAvailableAt { get; set; }
    public string RefusalReason { get; set; } = "";
}
