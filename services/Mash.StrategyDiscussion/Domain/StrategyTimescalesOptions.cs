namespace Mash.StrategyDiscussion.Domain;

/// <summary>
/// Configuration section <c>Mash:Strategy:Timescales</c>: per area, how many working hours after
/// it became required a strategy discussion is due. "default" applies to areas not listed.
/// </summary>
public sealed record StrategyTimescalesOptions
{
    public const string Section = "Mash:Strategy:Timescales";

    public Dictionary<string, AreaStrategyTimescales> Areas { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public AreaStrategyTimescales For(string area) =>
        Areas.GetValueOrDefault(area) ?? Areas.GetValueOrDefault("default") ?? new AreaStrategyTimescales();
}

public sealed record AreaStrategyTimescales
{
    /// <summary>"As soon as possible": no national limit; 24 hours is a common local rule.</summary>
    public double DiscussionDueWorkingHours { get; init; } = 24;
}
