using Mash.Investigation.Data;
using Microsoft.EntityFrameworkCore;

namespace Mash.Investigation.Application;

/// <summary>Which children are at high risk now, and why, from the marks the events left.</summary>
internal static class HighRiskChildren
{
    public const string HighCseFlag = "high CSE flag";
    public const string SignificantHarmDecision = "strategy decision: s47 enquiries (significant harm)";

    public static async Task<Dictionary<string, List<string>>> ReasonsAsync(InvestigationDbContext db, IReadOnlyCollection<string> childKeys, CancellationToken cancellationToken)
    {
        var marks = await db.HighRiskMarks.AsNoTracking().Where(m => m.Active && childKeys.Contains(m.ChildKey)).Select(m => new { m.ChildKey, m.Kind }).ToListAsync(cancellationToken);
        return marks.GroupBy(m => m.ChildKey).ToDictionary(g => g.Key, g => g.Select(m => Describe(m.Kind)).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>The reasons for any of an investigation's children, once each.</summary>
    public static IReadOnlyList<string> For(InvestigationRecord investigation, IReadOnlyDictionary<string, List<string>> reasons) =>
        [.. investigation.Children.SelectMany(c => reasons.GetValueOrDefault(c.ChildKey) ?? []).Distinct().Order(StringComparer.Ordinal)];

    public static string Describe(HighRiskKind kind) => kind == HighRiskKind.HighCseFlag ? HighCseFlag : SignificantHarmDecision;
}
