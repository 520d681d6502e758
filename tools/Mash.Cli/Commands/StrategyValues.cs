using System.Globalization;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Strategy.V1;

namespace Mash.Cli;

/// <summary>
/// The structured values of the strategy discussion commands: fields separated by <c>:</c>, AGENCY
/// first. Only the free text at the end (an apology, an absence reason, an action's description)
/// may itself hold <c>:</c>; none is split on commas, so reasons and descriptions may hold those too.
/// </summary>
internal static class StrategyValues
{
    public const string InviteShape = "AGENCY:NAME:ROLE[:APOLOGIES]";
    public const string PresentShape = "AGENCY:NAME:ROLE";
    public const string AbsentShape = "AGENCY:NAME:ROLE:REASON";
    public const string ActionShape = "AGENCY:YYYY-MM-DD HH:MM[:for=GIVEN/FAMILY[/YYYY-MM-DD]]:DESCRIPTION";

    private const string ForChildPrefix = "for=";

    /// <summary><c>--invite AGENCY:NAME:ROLE[:APOLOGIES]</c>: someone invited, with apologies sent in advance if any.</summary>
    public static Participant Invited(string text)
    {
        var parts = Fields("invite", text, InviteShape, 3, 4, freeTextLast: true);
        return Who("invite", text, parts, attended: false, parts.Length == 4 ? parts[3] : "");
    }

    /// <summary><c>--present AGENCY:NAME:ROLE</c>: someone who attended.</summary>
    public static Participant Present(string text)
    {
        var parts = Fields("present", text, PresentShape, 3, 3, freeTextLast: false, $"; someone who did not attend is --absent {AbsentShape}");
        return Who("present", text, parts, attended: true, "");
    }

    /// <summary><c>--absent AGENCY:NAME:ROLE:REASON</c>: someone who could not attend, and why.</summary>
    public static Participant Absent(string text)
    {
        var parts = Fields("absent", text, AbsentShape, 4, 4, freeTextLast: true);
        return Who("absent", text, parts, attended: false, parts[3]);
    }

    /// <summary>
    /// <c>--action AGENCY:YYYY-MM-DD HH:MM[:for=GIVEN/FAMILY[/YYYY-MM-DD]]:DESCRIPTION</c>: who does
    /// what by when (local time), and for which child when it is not the discussion's own.
    /// </summary>
    public static SafeguardingAction Action(string text)
    {
        const string Option = "action";
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            throw Malformed(Option, text, ActionShape, "");
        }

        var agency = AgencyOf(Option, text, text[..colon]);
        // The due time has a fixed width, so its own ':' is not taken for a separator.
        var afterAgency = text[(colon + 1)..].TrimStart();
        var dueWidth = LocalTimes.Shape.Length;
        var dueText = afterAgency.Length >= dueWidth ? afterAgency[..dueWidth] : afterAgency;
        if (!LocalTimes.TryParse(dueText, out var due, out var problem))
        {
            throw new UsageException($"--{Option}: the due time {problem}, in '{text}' (write {ActionShape})");
        }

        if (afterAgency.Length == dueWidth || afterAgency[dueWidth] != ':')
        {
            throw Malformed(Option, text, ActionShape, "':' and the DESCRIPTION must follow the due time");
        }

        var rest = afterAgency[(dueWidth + 1)..];
        Person? forChild = null;
        if (rest.StartsWith(ForChildPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var end = rest.IndexOf(':', StringComparison.Ordinal);
            if (end < 0)
            {
                throw Malformed(Option, text, ActionShape, "the DESCRIPTION is missing after for=...");
            }

            forChild = Child(text, rest[ForChildPrefix.Length..end]);
            rest = rest[(end + 1)..];
        }

        var description = rest.Trim();
        if (description.Length == 0)
        {
            throw Malformed(Option, text, ActionShape, "the DESCRIPTION is empty");
        }

        return new SafeguardingAction { OwningAgency = agency, DueAt = due, ForChild = forChild, Description = description };
    }

    /// <summary><c>GIVEN/FAMILY[/YYYY-MM-DD]</c>: the sibling or other child an action is for.</summary>
    private static Person Child(string text, string value)
    {
        var parts = value.Split('/').Select(p => p.Trim()).ToArray();
        if (parts.Length is < 2 or > 3 || (parts[0].Length == 0 && parts[1].Length == 0))
        {
            throw new UsageException($"--action: for= takes GIVEN/FAMILY[/YYYY-MM-DD] (got 'for={value}' in '{text}')");
        }

        var person = new Person { GivenName = parts[0], FamilyName = parts[1] };
        if (parts.Length == 3)
        {
            person.DateOfBirth = DateOnly.TryParseExact(parts[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dob)
                ? new Date { Year = dob.Year, Month = dob.Month, Day = dob.Day }
                : throw new UsageException($"--action: the date of birth after for= must be written YYYY-MM-DD (got '{parts[2]}' in '{text}')");
        }

        return person;
    }

    /// <summary>
    /// Splits into <paramref name="min"/> to <paramref name="max"/> trimmed, non-empty fields. The
    /// last field takes the rest of the value when it is free text; otherwise a ':' left in it
    /// means too many fields.
    /// </summary>
    private static string[] Fields(string option, string text, string shape, int min, int max, bool freeTextLast, string hint = "")
    {
        var parts = text.Split(':', max).Select(p => p.Trim()).ToArray();
        if (parts.Length < min)
        {
            throw Malformed(option, text, shape, "");
        }

        if (!freeTextLast && parts[^1].Contains(':', StringComparison.Ordinal))
        {
            throw Malformed(option, text, shape, $"too many fields{hint}");
        }

        var empty = Array.FindIndex(parts, p => p.Length == 0);
        if (empty >= 0)
        {
            var names = shape.Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Split(':');
            throw Malformed(option, text, shape, $"the {names[empty]} is empty");
        }

        return parts;
    }

    private static Participant Who(string option, string text, string[] parts, bool attended, string absenceReason) => new()
    {
        Agency = AgencyOf(option, text, parts[0]),
        Name = parts[1],
        Role = parts[2],
        Attended = attended,
        AbsenceReason = absenceReason,
    };

    private static Agency AgencyOf(string option, string text, string value) =>
        Choices.Agencies.TryGetValue(value.Trim(), out var agency)
            ? agency
            : throw new UsageException(
                $"--{option}: AGENCY must be one of {string.Join(", ", Choices.Agencies.Keys)} (got '{value.Trim()}' in '{text}')");

    private static UsageException Malformed(string option, string text, string shape, string problem) =>
        new(problem.Length == 0
            ? $"--{option} must be written {shape} (got '{text}')"
            : $"--{option} must be written {shape} (got '{text}'): {problem}");
}
