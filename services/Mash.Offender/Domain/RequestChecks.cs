using Mash.Platform.Time;
using Mash.Contracts.Common.V1;
using Mash.Platform.Errors;
using Mash.Platform.Identity;
using Mash.Platform.Limits;

namespace Mash.Offender.Domain;

/// <summary>The checks every request's fields share: keys, texts, enums, dates, addresses.</summary>
public static class RequestChecks
{
    public const int MaxIdLength = RequestLimits.MaxIdLength;
    public const int MaxName = 200;
    public const int MaxShortText = 1_000;
    public const int MaxText = 10_000;
    public const int MaxAddressLines = 6;

    /// <summary>A required day within today's bounds for its kind; the day read, if real.</summary>
    public static DateOnly? CheckDay(this FieldViolations v, string field, Date? date, string whenMissing, DateWindow window, DayKind kind)
    {
        if (date is null)
        {
            v.Add(field, whenMissing);
            return null;
        }

        return v.CheckOptionalDay(field, date, window, kind);
    }

    /// <summary>
    /// A day if given: a real calendar day, not before the window's earliest (a century back), and not
    /// after today (what happened), the planning horizon (what is planned) or the term horizon (the end of a term).
    /// </summary>
    public static DateOnly? CheckOptionalDay(this FieldViolations v, string field, Date? date, DateWindow window, DayKind kind)
    {
        if (date is null)
        {
            return null;
        }

        if (!Dates.TryGet(date, out var day))
        {
            v.Add(field, "Not a real calendar date.");
            return null;
        }

        var (latest, tooLate) = kind switch
        {
            DayKind.Happened => (window.Today, "Cannot be in the future"),
            DayKind.Planned => (window.PlanLatest, "Further ahead than anything is planned"),
            _ => (window.TermLatest, "Further ahead than any term a record holds"),
        };
        v.Require(day <= latest, field, $"{tooLate} (after {Dates.Text(latest)}).");
        v.Require(day >= window.Earliest, field, $"Before {Dates.Text(window.Earliest)}: not a day of a record kept now.");
        return day;
    }

    public static FieldViolations CheckAddress(this FieldViolations v, string field, Address? address, bool required)
    {
        if (address is null || address.Equals(new Address()))
        {
            return v.Require(!required, field, "Give the home address: at least a first line and the postcode.");
        }

        v.Require(address.Lines.Count > 0 && !string.IsNullOrWhiteSpace(address.Lines[0]), $"{field}.lines", "Give at least the first line of the address.");
        v.Require(address.Lines.Count <= MaxAddressLines, $"{field}.lines", $"At most {MaxAddressLines} lines.");
        v.Require(address.Lines.All(l => l.Length <= MaxName), $"{field}.lines", $"Each line at most {MaxName} characters.");
        v.Require(address.Town.Length <= MaxName, $"{field}.town", $"At most {MaxName} characters.");
        return v.CheckText($"{field}.postcode", address.Postcode, 10, "Give the postcode.");
    }

    /// <summary>A child's identity for a record about them: an NHS number, or name and date of birth.</summary>
    public static FieldViolations CheckChild(this FieldViolations v, string field, ChildIdentity? child, DateOnly today)
    {
        ChildIdentityRules.Validate(v, field, child, today);
        return v;
    }
}

/// <summary>What a day a caller supplies stands for, which sets how far ahead it may be.</summary>
public enum DayKind
{
    /// <summary>Something that happened: not in the future.</summary>
    Happened,
    /// <summary>Something planned to start: within the planning horizon.</summary>
    Planned,
    /// <summary>The end of a term (an order's expiry, notification requirements ending): within the term horizon.</summary>
    TermEnd,
}
