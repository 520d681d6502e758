using Mash.Contracts.Referral.V1;

namespace Mash.Cli;

/// <summary>One referral as labelled lines: where it is in the MASH process, what is due, what is missing.</summary>
internal static class ReferralPrinter
{
    private const int LabelWidth = 16;

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
        Line(output, "Submitted by", $"{Choices.Short(referral.SubmittedByAgency)} ({Display.Text(referral.SubmittedByClient)}) at node {Display.Text(referral.ReferringNode)}, area {Display.Text(referral.Area)}");
        Line(output, "MASH front door", referral.Role == ReferralRole.ReferrerCopy
            ? $"node {referral.FrontDoorNode}: screened and decided there; this is the referrer's copy, " +
              (referral.FrontDoorAcknowledgedAt is { } acknowledged ? $"received there {Display.LocalTimeWithOffset(acknowledged)}" : "not yet acknowledged")
            : $"this node ({Display.Text(referral.FrontDoorNode)})");
        Line(output, "Received", Display.LocalTimeWithOffset(referral.ReceivedAt)
            + (referral.EnteredAt is { } entered && entered != referral.ReceivedAt ? $" (entered {Display.LocalTimeWithOffset(entered)})" : ""));
        Line(output, "Decision due", Display.LocalTimeWithOffset(referral.DecisionDueAt));
        Line(output, "Due at", $"{Display.LocalTimeWithOffset(referral.DueAt)} (the {Choices.NameOf(referral.DueDeadline, Choices.Deadlines)} deadline)");
        Line(output, "Overdue", Display.YesNo(referral.Overdue));
        if (referral.Screening is { } screening)
        {
            Line(output, "RAG", $"{Choices.NameOf(screening.Rag, Choices.Rags)}, due {Display.LocalTimeWithOffset(screening.DueAt)}");
            Line(output, "Screened", $"{Display.LocalTimeWithOffset(screening.ScreenedAt)} by {By(screening.ScreenedBy, screening.Agency)}: {Rationale(referral, screening.Rationale)}");
        }

        if (referral.Decision is { } decision)
        {
            Line(output, "Outcome", Choices.NameOf(decision.Outcome, Choices.Outcomes) + (decision.TimescaleBreached ? " (late: timescale breached)" : ""));
            Line(output, "Decided", $"{Display.LocalTimeWithOffset(decision.DecidedAt)} by {By(decision.DecidedBy, decision.Agency)}: {Rationale(referral, decision.Rationale)}");
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

    private static string By(string client, Mash.Contracts.Common.V1.Agency agency) =>
        string.IsNullOrWhiteSpace(client) ? Choices.Short(agency) : $"{client} ({Choices.Short(agency)})";

    /// <summary>A referrer's copy carries no rationale: the front door keeps it, and what other agencies shared with it.</summary>
    private static string Rationale(Referral referral, string rationale) =>
        referral.Role == ReferralRole.ReferrerCopy && rationale.Length == 0 ? "(the rationale stays at the front door)" : Display.Text(rationale);

    private static string Child(Referral referral) => Display.Child(referral.Details?.Child, referral.ChildMatch);

    private static void Line(TextWriter output, string label, string value) => Display.Line(output, label, value, LabelWidth);
}
