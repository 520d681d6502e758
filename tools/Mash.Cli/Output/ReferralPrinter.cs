using Mash.Contracts.Referral.V1;

namespace Mash.Cli;

/// <summary>One referral as labelled lines: where it is in the MASH process, what is due, what is missing.</summary>
internal static class ReferralPrinter
{
    private const int LabelWidth = 15;

    public static void PrintSubmitted(TextWriter output, SubmitReferralResponse response, string idempotencyKey)
    {
        Line(output, "Idempotency key", idempotencyKey);
        Line(output, "Replayed", response.Replayed ? "yes (an earlier submission with this key; nothing new was created)" : "no (new referral)");
        Print(output, response.Referral ?? new Referral());
    }

    public static void Print(TextWriter output, Referral referral)
    {
        Line(output, "Referral", referral.ReferralId);
        Line(output, "Status", Choices.NameOf(referral.Status, Choices.Statuses));
        Line(output, "Child", Child(referral));
        Line(output, "Submitted by", $"{Choices.Short(referral.SubmittedByAgency)} ({Display.Text(referral.SubmittedByClient)}), area {Display.Text(referral.Area)}");
        Line(output, "Received", Display.LocalTimeWithOffset(referral.ReceivedAt));
        Line(output, "Decision due", Display.LocalTimeWithOffset(referral.DecisionDueAt));
        Line(output, "Due at", Display.LocalTimeWithOffset(referral.DueAt));
        Line(output, "Overdue", Display.YesNo(referral.Overdue));
        if (referral.Screening is { } screening)
        {
            Line(output, "RAG", $"{Choices.NameOf(screening.Rag, Choices.Rags)}, due {Display.LocalTimeWithOffset(screening.DueAt)}");
            Line(output, "Screened", $"{Display.LocalTimeWithOffset(screening.ScreenedAt)} by {Display.Text(screening.ScreenedBy)}: {Display.Text(screening.Rationale)}");
        }

        if (referral.Decision is { } decision)
        {
            Line(output, "Outcome", Choices.NameOf(decision.Outcome, Choices.Outcomes) + (decision.TimescaleBreached ? " (late: timescale breached)" : ""));
            Line(output, "Decided", $"{Display.LocalTimeWithOffset(decision.DecidedAt)} by {Display.Text(decision.DecidedBy)}: {Display.Text(decision.Rationale)}");
            if (!string.IsNullOrWhiteSpace(decision.LatenessReason))
            {
                Line(output, "Lateness reason", decision.LatenessReason);
            }
        }

        PrintCompleteness(output, referral.Completeness);
    }

    private static void PrintCompleteness(TextWriter output, Completeness? completeness)
    {
        if (completeness is null)
        {
            return;
        }

        Line(output, "Completeness", $"{completeness.Score}/100, {completeness.Issues.Count} issue(s)");
        var width = completeness.Issues.Select(i => i.Field.Length).DefaultIfEmpty(0).Max();
        foreach (var issue in completeness.Issues)
        {
            output.WriteLine($"  {Choices.Short(issue.Severity),-8} {issue.Field.PadRight(width)}  {issue.Message}");
        }
    }

    private static string Child(Referral referral) => Display.Child(referral.Details?.Child, referral.ChildMatch);

    private static void Line(TextWriter output, string label, string value) => Display.Line(output, label, value, LabelWidth);
}
