using Mash.Contracts.Referral.V1;

namespace Mash.Cli;

/// <summary>The screening queue: the backlog first (what a MASH manager looks at), then one row per referral.</summary>
internal static class QueuePrinter
{
    private static readonly string[] Headings = ["ID", "STATUS", "RAG", "COMPLETE", "DUE (LOCAL)", "OVERDUE"];

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
            Display.YesNo(r.Overdue),
        }).ToList();

        Table.Write(output, Headings, rows);
    }
}
