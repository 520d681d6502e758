namespace Mash.Platform.Auth;

/// <summary>
/// The two headers (gRPC metadata) in which a caller says why it needs a child's record and under
/// which lawful basis; the audit trail records both with every read and write.
/// </summary>
public static class PurposeHeaders
{
    public const string Purpose = "x-mash-purpose";
    public const string LawfulBasis = "x-mash-lawful-basis";
}
