namespace Mash.Custody.Domain;

/// <summary>
/// PACE s38(7): a custody officer who keeps a charged child in police detention certifies why transfer
/// was impracticable; the certificate is produced to the court. It needs the refusal of bail, the
/// reason, and at least one request to the local authority or a stated reason why none was made.
/// </summary>
public static class CertificateRules
{
    /// <summary>What the certificate lacks, each in words; empty when it can be issued.</summary>
    public static IReadOnlyList<string> Missing(bool bailRefusedAfterCharge, int requestsMade, bool reasonNoRequestGiven, bool reasonImpracticableGiven)
    {
        var missing = new List<string>();
        if (!bailRefusedAfterCharge)
        {
            missing.Add("a refusal of bail after charge (a certificate is only for a charged child kept in police detention)");
        }

        if (!reasonImpracticableGiven)
        {
            missing.Add("why transfer to local authority accommodation was impracticable");
        }

        if (requestsMade == 0 && !reasonNoRequestGiven)
        {
            missing.Add("a request for accommodation to the local authority, or the reason why none was made");
        }

        return missing;
    }
}
