using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Events.V1;

namespace Mash.Cli;

/// <summary>Assessments: the list with its open and overdue counts, and one assessment in full.</summary>
internal static class AssessmentPrinter
{
    private const int LabelWidth = 17;
    private static readonly string[] Headings = ["ID", "REFERRAL", "CHILD", "STATUS", "DUE (LOCAL)", "OVERDUE", "RISK"];

    public static void PrintList(TextWriter output, ListAssessmentsResponse page, bool allPages)
    {
        output.WriteLine($"Open: {page.Open}, overdue: {page.Overdue}");
        output.WriteLine($"Matching: {page.TotalMatching}   (times in {TimeZoneInfo.Local.Id})");
        output.WriteLine();
        if (page.Assessments.Count == 0)
        {
            output.WriteLine("No assessments match.");
        }
        else
        {
            var rows = page.Assessments.Select(a => new[]
            {
                a.AssessmentId,
                Display.Text(a.ReferralId),
                Display.ChildName(a.Child),
                Choices.NameOf(a.Status, Choices.AssessmentStatuses),
                Display.LocalTime(a.DueAt),
                Display.YesNo(a.Overdue),
                Choices.NameOf(a.Outcome?.RiskLevel ?? RiskLevel.Unspecified, Choices.RiskLevels),
            }).ToList();
            Table.Write(output, Headings, rows);
        }

        if (!allPages)
        {
            output.WriteLine();
            output.WriteLine(page.NextPageToken.Length == 0 ? "Last page." : $"Next page: --page-token {page.NextPageToken}");
        }
    }

    public static void Print(TextWriter output, Assessment assessment)
    {
        Line(output, "Assessment", assessment.AssessmentId);
        Line(output, "Referral", Display.Text(assessment.ReferralId));
        Line(output, "Status", Choices.NameOf(assessment.Status, Choices.AssessmentStatuses));
        Line(output, "Child", Display.Child(assessment.Child, assessment.ChildMatch));
        Line(output, "Started", Display.LocalTimeWithOffset(assessment.StartedAt));
        Line(output, "Due at", Display.LocalTimeWithOffset(assessment.DueAt));
        Line(output, "Overdue", Display.YesNo(assessment.Overdue));
        Line(output, "Concern", Display.Text(assessment.ConcernSummary));
        PrintChecks(output, assessment.Checks);
        PrintOutcome(output, assessment.Outcome);
    }

    private static void PrintChecks(TextWriter output, Google.Protobuf.Collections.RepeatedField<AgencyCheck> checks)
    {
        Line(output, "Checks", checks.Count == 0 ? "none recorded" : $"{checks.Count}");
        var width = checks.Select(c => Choices.NameOf(c.Agency, Choices.Agencies).Length).DefaultIfEmpty(0).Max();
        foreach (var check in checks)
        {
            var found = (check.InformationFound ? "information found" : "nothing found").PadRight("information found".Length);
            output.WriteLine(
                $"  {Choices.NameOf(check.Agency, Choices.Agencies).PadRight(width)}  {found}  {Display.LocalTimeWithOffset(check.CheckedAt)} by {Display.Text(check.RecordedBy)}: {Display.Text(check.Result)}");
        }
    }

    private static void PrintOutcome(TextWriter output, AssessmentOutcome? outcome)
    {
        if (outcome is null)
        {
            Line(output, "Outcome", "not completed");
            return;
        }

        Line(output, "Risk level", Choices.NameOf(outcome.RiskLevel, Choices.RiskLevels));
        Line(output, "RAG", Choices.NameOf(outcome.Rag, Choices.Rags));
        Line(output, "Significant harm", outcome.SignificantHarmSuspected ? "suspected: a strategy discussion is required" : "not suspected");
        Line(output, "Completed", $"{Display.LocalTimeWithOffset(outcome.CompletedAt)} by {Display.Text(outcome.CompletedBy)}"
            + (outcome.TimescaleBreached ? " (late: timescale breached)" : ""));
        Line(output, "Rationale", Display.Text(outcome.Rationale));
    }

    private static void Line(TextWriter output, string label, string value) => Display.Line(output, label, value, LabelWidth);
}
