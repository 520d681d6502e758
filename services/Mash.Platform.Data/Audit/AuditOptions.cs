namespace Mash.Platform.Audit;

/// <summary>The audit trail's settings (<c>Mash:Audit</c>).</summary>
public sealed class AuditOptions
{
    public const string Section = "Mash:Audit";

    /// <summary>
    /// Refuse (FAILED_PRECONDITION) a caller's change to a child's record that does not name the
    /// practitioner it acts for. Off by default: partner systems that cannot yet send it keep working.
    /// </summary>
    public bool RequirePractitionerForWrites { get; set; }
}
