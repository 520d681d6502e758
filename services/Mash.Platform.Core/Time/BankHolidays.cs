using System.Text.Json;

namespace Mash.Platform.Time;

/// <summary>
/// Reads bank holidays from a file in the format GOV.UK publishes at /bank-holidays.json,
/// so the official file can be dropped in to extend the years covered.
/// </summary>
public static class BankHolidays
{
    public const string DefaultFileName = "bank-holidays.json";

    public static IReadOnlyList<DateOnly> Load(string path, string division)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        if (!document.RootElement.TryGetProperty(division, out var divisionElement))
        {
            throw new InvalidOperationException($"Bank holiday file '{Path.GetFileName(path)}' has no division '{division}'.");
        }

        return [.. divisionElement.GetProperty("events").EnumerateArray()
            .Select(e => DateOnly.ParseExact(e.GetProperty("date").GetString()!, "yyyy-MM-dd"))
            .Order()];
    }
}
