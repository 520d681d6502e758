using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;

namespace Mash.Cli;

/// <summary>Formatting shared by the printers. Times are shown in the user's local zone.</summary>
internal static class Display
{
    public static string LocalTime(Timestamp? timestamp) =>
        timestamp is null ? "-" : timestamp.ToDateTime().ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>With the UTC offset, for detail views where the reader may compare across zones.</summary>
    public static string LocalTimeWithOffset(Timestamp? timestamp) =>
        timestamp is null ? "-" : timestamp.ToDateTimeOffset().ToLocalTime().ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    /// <summary>An age like "1d 04h 10m", the unit a MASH manager reads a backlog in.</summary>
    public static string Age(Duration? duration)
    {
        if (duration is null)
        {
            return "-";
        }

        var age = duration.ToTimeSpan();
        return age.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalDays}d {age.Hours:00}h {age.Minutes:00}m")
            : string.Create(CultureInfo.InvariantCulture, $"{age.Hours}h {age.Minutes:00}m");
    }

    public static string Date(Date? date) =>
        date is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{date.Year:0000}-{date.Month:00}-{date.Day:00}");

    /// <summary>An NHS number grouped 3-3-4 as printed on NHS documents.</summary>
    public static string NhsNumber(string number)
    {
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 10 ? $"{digits[..3]} {digits[3..6]} {digits[6..]}" : number;
    }

    /// <summary>"Leah Morgan, born 2017-05-09, NHS 999 123 4578 (match confirmed)".</summary>
    public static string Child(ChildIdentity? child, ChildMatchStatus match)
    {
        if (child is null)
        {
            return "-";
        }

        var name = $"{child.GivenName} {child.FamilyName}".Trim();
        var nhs = string.IsNullOrWhiteSpace(child.NhsNumber) ? "no NHS number" : "NHS " + NhsNumber(child.NhsNumber);
        return $"{Text(name)}, born {Date(child.DateOfBirth)}, {nhs} (match {Choices.Short(match)})";
    }

    /// <summary>The child's name for a table cell, "-" when none is known.</summary>
    public static string ChildName(ChildIdentity? child) => Text($"{child?.GivenName} {child?.FamilyName}".Trim());

    /// <summary>"Label:" padded to <paramref name="labelWidth"/>, then the value.</summary>
    public static void Line(TextWriter output, string label, string value, int labelWidth) =>
        output.WriteLine($"{(label + ":").PadRight(labelWidth + 1)} {value}".TrimEnd());

    public static string YesNo(bool value) => value ? "yes" : "no";

    public static string Text(string? value) => string.IsNullOrWhiteSpace(value) ? "-" : value;
}
