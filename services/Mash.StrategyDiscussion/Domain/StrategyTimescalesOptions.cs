namespace Mash.StrategyDiscussion.Domain;

/// <summary>
/// Configuration section <c>Mash:Strategy:Timescales</c>: per area, how many working hours after
/// it became required a strategy discussion is due, and how many hours (round the clock) after a
/// decision for immediate protection. "default" applies to areas not listed.
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

    /// <summary>
    /// After immediate protection (police protection, an emergency protection order) the discussion is held
    /// at once: hours on the clock, nights, weekends and bank holidays included, as the emergency duty team works.
    /// </summary>
    public double ImmediateProtectionDueHours { get; init; } = 4;
}
