using Mash.Contracts.Governance.V1;

namespace Mash.Cli;

/// <summary>The governance answers as text tables.</summary>
internal static class GovernancePrinter
{
    public static void PrintAccesses(TextWriter output, ListChildAccessesResponse answer)
    {
        if (answer.Accesses.Count == 0)
        {
            output.WriteLine("No accesses to this child's records at this node.");
            return;
        }

        Table.Write(output, ["WHEN", "WHERE", "AGENCY", "CLIENT", "PRACTITIONER", "CALL", "OUTCOME", "RECORD", "SERVICE"],
        [
            .. answer.Accesses.Select(a => new[]
            {
                Display.LocalTime(a.OccurredAt), Display.Text(a.AccessedAtNode.Length > 0 ? a.AccessedAtNode : "here"), a.Agency.ToString(), a.ClientId,
                Display.Text(a.Practitioner?.Id is { Length: > 0 } ? $"{a.Practitioner.Name} ({a.Practitioner.Role}, {a.Practitioner.Id})" : ""),
                a.Method.Split('/')[^1], a.Outcome, a.RecordId, a.Service,
            }),
        ]);
        More(output, answer.NextPageToken);
    }

    public static void PrintDisclosures(TextWriter output, ListDisclosuresResponse answer)
    {
        if (answer.Disclosures.Count == 0)
        {
            output.WriteLine("Nothing shared or withheld.");
            return;
        }

        Table.Write(output, ["DECIDED", "SHARED", "WHAT", "TO", "AGREEMENT", "BASIS", "RECEIPTS", "REASON"],
        [
            .. answer.Disclosures.Select(d => new[]
            {
                Display.LocalTime(d.DecidedAt), Display.YesNo(d.Shared), d.Category.ToString(), Display.Text(d.RecipientNode),
                Display.Text(d.AgreementId), d.LawfulBasis.ToString(), string.Join(",", d.Receipts.Select(r => r.Node)), d.Reason,
            }),
        ]);
        More(output, answer.NextPageToken);
    }

    public static void PrintAgreements(TextWriter output, ListAgreementsResponse answer)
    {
        if (answer.Agreements.Count == 0)
        {
            output.WriteLine("No agreements: nothing is shared with partner nodes.");
            return;
        }

        Table.Write(output, ["AGREEMENT", "PARTNER", "CATEGORIES", "BASIS", "FROM", "TO", "IN FORCE", "ENDING SOON", "HELD BY"],
        [
            .. answer.Agreements.Select(a => new[]
            {
                a.Id, a.PartnerNode, string.Join(",", a.Categories), a.LawfulBasis.ToString(), Display.Date(a.ValidFrom), Display.Date(a.ValidTo),
                Display.YesNo(a.InForce), Display.YesNo(a.EndingSoon), string.Join(",", a.HeldBy),
            }),
        ]);
        More(output, answer.NextPageToken);
    }

    public static void PrintVerification(TextWriter output, VerifyAuditChainsResponse answer)
    {
        Table.Write(output, ["SERVICE", "INTACT", "ENTRIES", "FIRST BROKEN", "PROBLEM"],
        [
            .. answer.Services.Select(s => new[]
            {
                s.Service, Display.YesNo(s.Intact), s.EntriesChecked.ToString(System.Globalization.CultureInfo.InvariantCulture),
                s.FirstBrokenSequence == 0 ? "-" : s.FirstBrokenSequence.ToString(System.Globalization.CultureInfo.InvariantCulture), Display.Text(s.Problem),
            }),
        ]);
    }

    private static void More(TextWriter output, string nextPageToken)
    {
        if (nextPageToken.Length > 0)
        {
            output.WriteLine($"Next page: --page-token {nextPageToken}");
        }
    }
}
