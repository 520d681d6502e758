namespace Mash.Platform.Audit;

/// <summary>What one call's audit entries say, taken when the call asks for its save.</summary>
public sealed record AuditedCall(
    string Agency, string ClientId, string Method, string Purpose, string LawfulBasis, string Outcome,
    IReadOnlyList<AuditSubject> Subjects)
{
    /// <summary>A save that touches no child's record (the outbox relay's bookkeeping): no entries.</summary>
    public static AuditedCall Unaudited { get; } = new("", "", "", "", "", "", []);

    public Practitioner Practitioner { get; init; } = Practitioner.None;
    /// <summary>Set for a partner node's access notice: where and when the access happened.</summary>
    public string AccessedAtNode { get; init; } = "";
    public DateTime? AccessedAt { get; init; }

    public static AuditedCall Of(CallAudit call, string outcome) => new(
        call.Caller.Agency, call.Caller.ClientId, call.Method, call.Purpose, call.LawfulBasis, outcome, [.. call.Subjects])
    {
        Practitioner = call.Practitioner,
        AccessedAtNode = call.AccessedAtNode,
        AccessedAt = call.AccessedAt,
    };
}
