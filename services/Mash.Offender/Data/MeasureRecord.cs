using Mash.Contracts.Common.V1;
using Mash.Contracts.Offender.V1;

namespace Mash.Offender.Data;

/// <summary>A preventative measure, the children it protects and its breaches.</summary>
public sealed class MeasureRecord
{
    public string Id { get; set; } = "";
    public string OffenderId { get; set; } = "";
    public MeasureType Type { get; set; }
    public DateOnly StartsOn { get; set; }
    /// <summary>Empty: until further order.</summary>
    public DateOnly? ExpiresOn { get; set; }
    public string Conditions { get; set; } = "";
    public string Reference { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
    /// <summary>The latest breach's day, for the breached list.</summary>
    public DateOnly? LastBreachOn { get; set; }

    public List<ProtectedChildRecord> ProtectedChildren { get; set; } = [];
    public List<MeasureBreachRecord> Breaches { get; set; } = [];
}

public sealed class ProtectedChildRecord
{
    public long Id { get; set; }
    public string MeasureId { get; set; } = "";
    public int Ordinal { get; set; }
    public string ChildKey { get; set; } = "";
    /// <summary>mash.common.v1.ChildIdentity bytes.</summary>
    public byte[] Child { get; set; } = [];
    public ChildMatchStatus ChildMatch { get; set; }
    public bool InLocalAuthorityCare { get; set; }
}

public sealed class MeasureBreachRecord
{
    public string Id { get; set; } = "";
    public string MeasureId { get; set; } = "";
    public DateOnly OccurredOn { get; set; }
    public string Details { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}

/// <summary>A child the offender may pose a risk to; one link per child and offender.</summary>
public sealed class ChildLinkRecord
{
    public string Id { get; set; } = "";
    public string OffenderId { get; set; } = "";
    public string ChildKey { get; set; } = "";
    /// <summary>mash.common.v1.ChildIdentity bytes.</summary>
    public byte[] Child { get; set; } = [];
    public ChildMatchStatus ChildMatch { get; set; }
    public ChildRelationship Relationship { get; set; }
    public string Details { get; set; } = "";
    public DateTime LinkedAt { get; set; }
    public string LinkedBy { get; set; } = "";
}

/// <summary>
/// A command accepted under a client's idempotency key: a retry with the same body answers with
/// what the command made; the key reused with another body is refused.
/// </summary>
public sealed class CommandRecord
{
    public string ClientId { get; set; } = "";
    public string IdempotencyKey { get; set; } = "";
    public string Method { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public string OffenderId { get; set; } = "";
    /// <summary>The offender, notification, visit, measure or breach it made.</summary>
    public string ResultId { get; set; } = "";
    public DateTime AcceptedAt { get; set; }
}
