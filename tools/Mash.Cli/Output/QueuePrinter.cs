using Mash.Contracts.Referral.V1;

namespace Mash.Cli;

/// <summary>
/// The referrals a node holds: the backlog first (what a MASH manager looks at), then one row per
/// referral, saying which deadline it is due for and, for a referrer's copy, where it was sent.
/// </summary>
internal static class QueuePrinter
{
    private static readonly string[] Headings = ["ID", "STATUS", "RAG", "COMPLETE", "DUE (LOCAL)", "FOR", "OVERDUE", "OUTCOME", "FROM / TO"];

    public static void Print(TextWriter output, ListReferralsResponse page, bool allPages)
    {
        PrintBacklog(output, page.Backlog);
        output.WriteLine($"Matching: {page.TotalMatching}   (times in {TimeZoneInfo.Local.Id})");
        output.WriteLine();
        if (page.Referrals.Count == 0)
        {
            output.WriteLine("No referrals match.");
        }
        else
        {
            PrintTable(output, page.Referrals);
        }

        if (!allPages)
        {
            output.WriteLine();
            output.WriteLine(page.NextPageToken.Length == 0 ? "Last page." : $"Next page: --page-token {page.NextPageToken}");
        }
    }

    private static void PrintBacklog(TextWriter output, Backlog? backlog)
    {
        if (backlog is null || backlog.Waiting == 0)
        {
            output.WriteLine("Backlog: nothing waiting");
            return;
        }

        output.WriteLine(
            $"Backlog: {backlog.Waiting} waiting, {backlog.Overdue} overdue, oldest waiting {Display.Age(backlog.OldestAge)} (received {Display.LocalTime(backlog.OldestReceivedAt)})");
    }

    private static void PrintTable(TextWriter output, IEnumerable<Referral> referrals)
    {
        var rows = referrals.Select(r => new[]
        {
            r.ReferralId,
            Choices.NameOf(r.Status, Choices.Statuses),
            Choices.NameOf(r.Screening?.Rag ?? Rag.Unspecified, Choices.Rags),
            $"{r.Completeness?.Score ?? 0}%",
            Display.LocalTime(r.DueAt),
            Choices.NameOf(r.DueDeadline, Choices.Deadlines),
            Display.YesNo(r.Overdue),
            Choices.NameOf(r.Decision?.Outcome ?? ReferralOutcome.Unspecified, Choices.Outcomes),
            r.Role == ReferralRole.ReferrerCopy ? "to " + r.FrontDoorNode : "from " + Display.Text(r.ReferringNode),
        }).ToList();

        Table.Write(output, Headings, rows);
    }
}
