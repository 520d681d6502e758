using System.Globalization;
using Mash.Contracts.Common.V1;

namespace Mash.Cli;

/// <summary>
/// The child a command is about, from <c>--nhs</c>, <c>--given</c>, <c>--family</c> and
/// <c>--dob</c>. Only the date's shape is checked here; the service checks the NHS number's
/// check digit and whether the child is identified well enough, and names every bad field.
/// </summary>
internal static class ChildOptions
{
    public static readonly IReadOnlyList<string> Names = ["nhs", "given", "family", "dob"];

    /// <param name="requireNhs">When true, <c>--nhs</c> is required.</param>
    public static ChildIdentity From(Arguments args, bool requireNhs) => new()
    {
        NhsNumber = requireNhs ? args.Require("nhs") : args.Value("nhs")?.Trim() ?? "",
        GivenName = args.Value("given")?.Trim() ?? "",
        FamilyName = args.Value("family")?.Trim() ?? "",
        DateOfBirth = DateOfBirth(args),
    };

    /// <summary><c>--dob YYYY-MM-DD</c>, or null when absent.</summary>
    public static Date? DateOfBirth(Arguments args)
    {
        var text = args.Value("dob");
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new Date { Year = date.Year, Month = date.Month, Day = date.Day }
            : throw new UsageException($"--dob must be a date written YYYY-MM-DD (got '{text}')");
    }
}
