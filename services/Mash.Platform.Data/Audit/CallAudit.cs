using Mash.Contracts.Common.V1;
using Mash.Platform.Auth;
using Mash.Platform.Errors;

namespace Mash.Platform.Audit;

/// <summary>
/// What the audit trail needs to know about the current call: the caller, the stated purpose
/// and lawful basis (metadata), and whose records the handler touched.
/// </summary>
public sealed class CallAudit
{
    public const string PurposeHeader = PurposeHeaders.Purpose;
    public const string LawfulBasisHeader = PurposeHeaders.LawfulBasis;

    private readonly List<AuditSubject> _subjects = [];
    private readonly List<PartnerRecordRead> _partnerRecords = [];
    private readonly HashSet<(string Node, string RecordId)> _partnerRecordKeys = [];

    public CallerIdentity Caller { get; internal set; } = new("", "");
    public string Method { get; internal set; } = "";
    public string Purpose { get; internal set; } = "";
    public string LawfulBasis { get; internal set; } = "";
    /// <summary>The person the calling system acted for, when it said (see <see cref="PractitionerHeaders"/>).</summary>
    public Practitioner Practitioner { get; internal set; } = Practitioner.None;
    /// <summary>For a partner node's access notice: that node, and when its caller accessed the record.</summary>
    public string AccessedAtNode { get; private set; } = "";
    public DateTime? AccessedAt { get; private set; }
    /// <summary>A caller's RPC here: not an event applied, the service's own work, or a partner's access notice.</summary>
    public bool IsCallerRequest => Method.StartsWith('/') && AccessedAtNode.Length == 0;
    /// <summary>Records from partner nodes this call read: each node is told once the read is audited.</summary>
    public IReadOnlyList<PartnerRecordRead> PartnerRecords => _partnerRecords;
    public IReadOnlyList<AuditSubject> Subjects => _subjects;
    /// <summary>True once the entries were written with the handler's own changes.</summary>
    public bool Persisted { get; internal set; }

    /// <summary>
    /// For work a service does of its own accord, outside any caller's request (an upgrade's
    /// reconciliation): audited as the service itself, <c>system:{process}</c> of the node's agency.
    /// </summary>
    public void BeginSystemWork(string agency, string process, string purpose, Contracts.Common.V1.LawfulBasis lawfulBasis) =>
        Begin(new CallerIdentity(agency, "system:" + process), "system:" + process, purpose, lawfulBasis);

    /// <summary>
    /// For an event another node sent: audited as that node (<c>node:{id}</c> of its agency),
    /// for the purpose and lawful basis the event carries.
    /// </summary>
    public void BeginEvent(string originAgency, string originNode, string eventType, string purpose, Contracts.Common.V1.LawfulBasis lawfulBasis) =>
        Begin(new CallerIdentity(originAgency, "node:" + originNode), "event:" + eventType, purpose, lawfulBasis);

    /// <summary>
    /// For a partner node's notice that its caller accessed a record this node shared: audited as
    /// that caller (agency, client, practitioner, RPC, outcome), at that node and time.
    /// </summary>
    public void BeginPartnerAccess(
        string node, DateTime accessedAt, CallerIdentity caller, Practitioner practitioner, string method, string purpose, Contracts.Common.V1.LawfulBasis lawfulBasis)
    {
        Begin(caller, method, purpose, lawfulBasis);
        Practitioner = practitioner;
        AccessedAtNode = node;
        AccessedAt = accessedAt;
    }

    private void Begin(CallerIdentity caller, string method, string purpose, Contracts.Common.V1.LawfulBasis lawfulBasis)
    {
        Caller = caller;
        Method = method;
        Purpose = purpose;
        LawfulBasis = LawfulBases.Name(lawfulBasis);
    }

    /// <summary>Records that this call reads or writes the record of a child.</summary>
    public void Touch(string childKey, string recordId) => _subjects.Add(new AuditSubject(childKey, recordId));

    /// <summary>
    /// Records that this call reads a record another node shared (as that node knows it): once
    /// the read is audited, that node gets an access notice, so it can tell who opened it.
    /// </summary>
    /// <param name="sharedBy">
    /// The service there that shared it, when this service knows: the notice goes to that service alone.
    /// Empty: to every service of that node, each of which looks for the record among what it shared.
    /// </param>
    public void TouchPartnerRecord(string childKey, string originNode, string originRecordId, string sharedBy = "")
    {
        // A set, not a scan of the list: a profile of 1,000 partner entries would compare each with all before it.
        if (originNode.Length > 0 && originRecordId.Length > 0 && _partnerRecordKeys.Add((originNode, originRecordId)))
        {
            _partnerRecords.Add(new PartnerRecordRead(childKey, originNode, originRecordId, sharedBy));
        }
    }

    /// <summary>Takes back <see cref="Touch"/> for a record a failed save never stored: it was neither read nor written.</summary>
    public void Forget(string recordId) => _subjects.RemoveAll(s => s.RecordId == recordId);

    /// <summary>
    /// Refuses a call to a child's record that does not say why (purpose) and under which
    /// lawful basis; <paramref name="fallbackBasis"/> applies where the body already names one.
    /// </summary>
    public void RequireStatedPurpose(string fallbackPurpose = "", Contracts.Common.V1.LawfulBasis fallbackBasis = Contracts.Common.V1.LawfulBasis.Unspecified)
    {
        if (string.IsNullOrWhiteSpace(Purpose))
        {
            Purpose = fallbackPurpose;
        }

        if (string.IsNullOrWhiteSpace(LawfulBasis) && fallbackBasis != Contracts.Common.V1.LawfulBasis.Unspecified)
        {
            LawfulBasis = LawfulBases.Name(fallbackBasis);
        }

        var violations = new FieldViolations();
        violations.Require(!string.IsNullOrWhiteSpace(Purpose), PurposeHeader,
            "State why the record is needed in the x-mash-purpose metadata.");
        violations.Require(Purpose.Length <= 500, PurposeHeader, "The purpose is at most 500 characters.");
        violations.Require(LawfulBases.TryParse(LawfulBasis, out _), LawfulBasisHeader,
            "Name the lawful basis in the x-mash-lawful-basis metadata, e.g. LAWFUL_BASIS_PUBLIC_TASK.");
        violations.ThrowIfAny("The call must say why it needs the child's record.");
    }
}

public sealed record AuditSubject(string ChildKey, string RecordId);

/// <summary>A partner node's record read here: the child, the node (and service, when known) that shared it and its id there.</summary>
public sealed record PartnerRecordRead(string ChildKey, string OriginNode, string OriginRecordId, string SharedBy = "");

/// <summary>Lawful bases by their proto names, as callers send them in metadata.</summary>
public static class LawfulBases
{
    private static readonly Google.Protobuf.Reflection.EnumDescriptor Descriptor =
        CommonReflection.Descriptor.EnumTypes.Single(e => e.Name == nameof(Contracts.Common.V1.LawfulBasis));

    public static string Name(Contracts.Common.V1.LawfulBasis basis) =>
        Descriptor.FindValueByNumber((int)basis)?.Name ?? basis.ToString();

    public static bool TryParse(string? name, out Contracts.Common.V1.LawfulBasis basis)
    {
        basis = Contracts.Common.V1.LawfulBasis.Unspecified;
        var value = string.IsNullOrWhiteSpace(name) ? null : Descriptor.FindValueByName(name.Trim().ToUpperInvariant());
        if (value is null || value.Number == 0)
        {
            return false;
        }

        basis = (Contracts.Common.V1.LawfulBasis)value.Number;
        return true;
    }
}
