using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;

namespace Mash.Testing.Nodes;

/// <summary>An invented CSE flag the police might raise for a child, under a new idempotency key.</summary>
public static class CseFlags
{
    public static RaiseCseFlagRequest Sample(ChildIdentity child, CseRisk risk = CseRisk.High) => new()
    {
        IdempotencyKey = Guid.NewGuid().ToString("N"),
        Child = child,
        Risk = risk,
        Reason = "Seen getting into cars with older men after school",
        Evidence = "Police intelligence report",
        LawfulBasis = LawfulBasis.LawEnforcement,
    };
}
