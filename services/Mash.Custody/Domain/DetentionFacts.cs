using Mash.Contracts.Custody.V1;

namespace Mash.Custody.Domain;

/// <summary>What a detention's clocks are worked out from: its times, in UTC, and nothing else.</summary>
public sealed record DetentionFacts(
    DateTime ArrivedAt,
    DateTime AuthorisedAt,
    DateTime? ChargedAt,
    BailOutcome Bail,
    DateTime? BailDecidedAt,
    DateTime? LeftAt,
    DateTime? CertificateIssuedAt,
    IReadOnlyList<AdultFacts> AppropriateAdults,
    IReadOnlyList<ReviewFacts> Reviews,
    IReadOnlyList<RequestFacts> Requests)
{
    public bool InCustody => LeftAt is null;

    public DateTime? BailRefusedAt => Bail == BailOutcome.Refused ? BailDecidedAt : null;

    /// <summary>The end of the stay: when the child left, or now.</summary>
    public DateTime Until(DateTime now) => LeftAt ?? now;

    public CustodyLegalStatus LegalStatus => (ChargedAt, Bail) switch
    {
        (null, _) => CustodyLegalStatus.NotCharged,
        (_, BailOutcome.Granted) => CustodyLegalStatus.ChargedBailed,
        (_, BailOutcome.Refused) => CustodyLegalStatus.ChargedBailRefused,
        _ => CustodyLegalStatus.Charged,
    };
}

public sealed record AdultFacts(string Id, DateTime RequestedAt, DateTime? AttendedAt);

public sealed record ReviewFacts(string Id, DateTime ReviewedAt, bool ChildAsleep, DateTime? ToldOnWakingAt);

/// <summary>A request for accommodation: <paramref name="Sent"/> false when it could not go to a local authority.</summary>
public sealed record RequestFacts(string Id, DateTime RequestedAt, bool Sent, DateTime? AnsweredAt);

/// <summary>Something past due: since when, by how long, and whether it still goes on.</summary>
public sealed record CustodyBreachFact(CustodyBreachKind Kind, string SubjectId, DateTime DueAt, TimeSpan Overdue, bool Ongoing, string Description);
