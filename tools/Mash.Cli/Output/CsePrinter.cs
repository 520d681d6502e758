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
        Display.Line(output, "Suspect", Suspect(flag.Suspect), LabelWidth);
        Display.Line(output, "Contact", Contact(flag.Contact), LabelWidth);
        Display.Line(output, "History", flag.History.Count == 0 ? "-" : "", LabelWidth);
        PrintHistory(output, flag, "  ");
    }

    /// <summary>"47 (aged-45-to-54), online-contact, offender off_..., \"Facebook profile\"", or "-".</summary>
    public static string Suspect(SuspectedPerpetrator? suspect)
    {
        if (suspect is null)
        {
            return "-";
        }

        var age = suspect.AgeYears > 0 ? $"{suspect.AgeYears} ({Choices.Short(suspect.AgeBand)})" : Choices.Short(suspect.AgeBand);
        var parts = new List<string> { $"age {age}", Choices.Short(suspect.Relationship) };
        if (suspect.OffenderId.Length > 0)
        {
            parts.Add("offender " + Display.Text(suspect.OffenderId));
        }

        if (suspect.Description.Length > 0)
        {
            parts.Add($"\"{Display.Text(suspect.Description)}\"");
        }

        return string.Join(", ", parts);
    }

    /// <summary>"online: Facebook; place: bus station", or "-".</summary>
    public static string Contact(Contracts.Events.V1.CseContactContext? contact)
    {
        var parts = new List<string>();
        if (contact?.OnlinePlatform.Length > 0)
        {
            parts.Add("online: " + Display.Text(contact.OnlinePlatform));
        }

        if (contact?.Place.Length > 0)
        {
            parts.Add("place: " + Display.Text(contact.Place));
        }

        return parts.Count == 0 ? "-" : string.Join("; ", parts);
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
