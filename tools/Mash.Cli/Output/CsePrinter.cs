using Mash.Contracts.Assessment.V1;

namespace Mash.Cli;

/// <summary>CSE screenings and flags, each flag with the full who, when, why and evidence of its history.</summary>
internal static class CsePrinter
{
    private const int LabelWidth = 8;

    public static void PrintScreening(TextWriter output, CseScreening screening)
    {
        Display.Line(output, "Score", $"{screening.Score}", LabelWidth);
        Display.Line(output, "Band", Choices.NameOf(screening.Risk, Choices.CseRisks), LabelWidth);
        Display.Line(output, "Reasons", screening.Reasons.Count == 0 ? "-" : "", LabelWidth);
        foreach (var reason in screening.Reasons)
        {
            output.WriteLine($"  - {reason}");
        }
    }

    public static void PrintFlag(TextWriter output, CseFlag flag)
    {
        Display.Line(output, "Flag", flag.FlagId, LabelWidth);
        Display.Line(output, "Risk", Choices.NameOf(flag.Risk, Choices.CseRisks), LabelWidth);
        Display.Line(output, "Active", flag.Active ? "yes" : "no (cleared)", LabelWidth);
        Display.Line(output, "Raised", Display.LocalTimeWithOffset(flag.RaisedAt), LabelWidth);
        Display.Line(output, "History", flag.History.Count == 0 ? "-" : "", LabelWidth);
        PrintHistory(output, flag, "  ");
    }

    /// <summary>One line per raise, review and clearance: when, what, who (agency), why, on what evidence.</summary>
    public static void PrintHistory(TextWriter output, CseFlag flag, string indent)
    {
        foreach (var entry in flag.History)
        {
            var risk = entry.Action == Contracts.Events.V1.FlagAction.Cleared ? "" : " " + Choices.NameOf(entry.Risk, Choices.CseRisks);
            output.WriteLine(
                $"{indent}{Display.LocalTimeWithOffset(entry.ChangedAt)}  {Choices.Short(entry.Action)}{risk} by {Display.Text(entry.ChangedBy)} "
                + $"({Choices.NameOf(entry.ChangedByAgency, Choices.Agencies)}): {Display.Text(entry.Reason)}; evidence: {Display.Text(entry.Evidence)}");
        }
    }
}
