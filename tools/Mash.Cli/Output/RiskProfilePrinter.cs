using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Events.V1;

namespace Mash.Cli;

/// <summary>A child's risk profile, and the daily high-risk list.</summary>
internal static class RiskProfilePrinter
{
    private const int LabelWidth = 18;

    public static void Print(TextWriter output, ChildRiskProfile profile)
    {
        Line(output, "Child match", Choices.Short(profile.ChildMatch));
        Line(output, "Highest CSE risk", Choices.NameOf(profile.HighestCseRisk, Choices.CseRisks));
        Line(output, "Highest risk level", Choices.NameOf(profile.HighestRiskLevel, Choices.RiskLevels));
        var active = profile.LocalFlags.Count(f => f.Active);
        Line(output, "Local flags", profile.LocalFlags.Count == 0 ? "none" : $"{profile.LocalFlags.Count} ({active} active)");
        foreach (var flag in profile.LocalFlags)
        {
            output.WriteLine(
                $"  Flag {flag.FlagId}: {Choices.NameOf(flag.Risk, Choices.CseRisks)}, {(flag.Active ? "active" : "cleared")}, raised {Display.LocalTimeWithOffset(flag.RaisedAt)}");
            if (flag.Suspect is not null || flag.Contact is not null)
            {
                output.WriteLine($"    Suspect: {CsePrinter.Suspect(flag.Suspect)}; contact: {CsePrinter.Contact(flag.Contact)}");
            }

            CsePrinter.PrintHistory(output, flag, "    ");
            foreach (var receipt in flag.HeldByPartners)
            {
                output.WriteLine($"    Stored by {Display.Text(receipt.Node)} ({Choices.NameOf(receipt.Agency, Choices.Agencies)}) since {Display.LocalTimeWithOffset(receipt.StoredAt)}");
            }
        }

        Line(output, "Local risk level", Choices.NameOf(profile.LocalRiskLevel, Choices.RiskLevels));
        output.WriteLine($"Shared by partner agencies:{(profile.PartnerEntries.Count == 0 ? " none" : "")}");
        foreach (var entry in profile.PartnerEntries)
        {
            output.WriteLine(
                $"  {Display.LocalTime(entry.OccurredAt)}  {Choices.NameOf(entry.OriginAgency, Choices.Agencies)} ({Display.Text(entry.OriginNode)})  "
                + $"{What(entry)}  lawful basis {Choices.Short(entry.LawfulBasis)}");
        }

        output.WriteLine($"Strategy discussions:{(profile.Discussions.Count == 0 ? " none" : "")}");
        foreach (var discussion in profile.Discussions)
        {
            var when = discussion.HeldAt is null
                ? $"{Choices.Short(discussion.Status)}, due {Display.LocalTime(discussion.DueAt)}{(discussion.Overdue ? " (OVERDUE)" : "")}"
                : $"held {Display.LocalTime(discussion.HeldAt)}, minutes {Display.Text(discussion.MinutesReference)}";
            output.WriteLine(
                $"  {discussion.DiscussionId}: {when}; held by {Display.Text(discussion.HeldByNode)} ({Choices.NameOf(discussion.HeldByAgency, Choices.Agencies)})");
        }
    }

    public static void PrintHighRisk(TextWriter output, ListDailyHighRiskResponse page, bool allPages)
    {
        output.WriteLine(page.Children.Count == 0 ? "No children at high risk." : $"Children at high risk: {page.Children.Count}{(allPages ? "" : " on this page")}");
        foreach (var child in page.Children)
        {
            var reasons = child.Reasons.Count == 0 ? "-" : string.Join("; ", child.Reasons);
            output.WriteLine(
                $"  {Who(child)}: CSE {Choices.NameOf(child.CseRisk, Choices.CseRisks)}, risk level {Choices.NameOf(child.RiskLevel, Choices.RiskLevels)}; {reasons}");
        }

        if (!allPages)
        {
            output.WriteLine();
            output.WriteLine(page.NextPageToken.Length == 0 ? "Last page." : $"Next page: --page-token {page.NextPageToken}");
        }
    }

    /// <summary>"CSE flag raised, risk high" or "risk level medium → high, significant harm suspected".</summary>
    private static string What(PartnerRiskEntry entry)
    {
        switch (entry.ChangeCase)
        {
            case PartnerRiskEntry.ChangeOneofCase.CseFlag:
                var flag = entry.CseFlag;
                return flag.Action == FlagAction.Cleared
                    ? "CSE flag cleared"
                    : $"CSE flag {Choices.Short(flag.Action)}, risk {Choices.NameOf(flag.Risk, Choices.CseRisks)}{PartnerSuspect(flag)}";
            case PartnerRiskEntry.ChangeOneofCase.RiskLevel:
                var level = entry.RiskLevel;
                var previous = level.PreviousLevel == RiskLevel.Unspecified ? "none" : Choices.NameOf(level.PreviousLevel, Choices.RiskLevels);
                return $"risk level {previous} → {Choices.NameOf(level.Level, Choices.RiskLevels)}"
                    + (level.SignificantHarmSuspected ? ", significant harm suspected" : "")
                    + (level.Summary.Length > 0 ? $". {level.Summary}" : "")
                    + (level.Rationale.Length > 0 ? $" Rationale: \"{level.Rationale}\"" : "");
            default:
                return "a change this CLI does not know";
        }
    }

    /// <summary>What a partner may know of the suspect: ", suspect aged-45-to-54 online-contact (a person record is linked there), online: Facebook".</summary>
    private static string PartnerSuspect(CseFlagChanged flag)
    {
        var suspect = flag.SuspectAgeBand != SuspectAgeBand.Unspecified || flag.SuspectRelationship != SuspectRelationship.Unspecified || flag.SuspectLinkedToPersonRecord
            ? $", suspect {Choices.Short(flag.SuspectAgeBand)} {Choices.Short(flag.SuspectRelationship)}{(flag.SuspectLinkedToPersonRecord ? " (a person record is linked there)" : "")}"
            : "";
        var contact = flag.Contact is null ? "" : ", " + CsePrinter.Contact(flag.Contact);
        return suspect + contact;
    }

    /// <summary>A child a partner shared but this node holds no identity for is shown by the start of its key.</summary>
    private static string Who(HighRiskChild child)
    {
        if (child.Child is { } identity && (identity.NhsNumber.Length > 0 || identity.GivenName.Length > 0 || identity.FamilyName.Length > 0))
        {
            var nhs = string.IsNullOrWhiteSpace(identity.NhsNumber) ? "no NHS number" : "NHS " + Display.NhsNumber(identity.NhsNumber);
            return $"{Display.ChildName(identity)} ({nhs}, born {Display.Date(identity.DateOfBirth)})";
        }

        var key = child.ChildKey.Length > 12 ? child.ChildKey[..12] + "..." : child.ChildKey;
        return $"child not known here (key {Display.Text(key)})";
    }

    private static void Line(TextWriter output, string label, string value) => Display.Line(output, label, value, LabelWidth);
}
