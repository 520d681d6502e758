using Mash.Platform.Hosting;

namespace Mash.Assessment.Domain.Missing;

/// <summary>
/// Configuration section <c>Mash:Missing</c>: per area (<c>Areas:&lt;area&gt;</c>, "default" for areas
/// not listed), the return interview's clock and the patterns of episodes that call for a strategy discussion.
/// </summary>
public sealed class MissingOptions : AreaSettings<AreaMissingRules>
{
    public const string Section = "Mash:Missing";

    public bool IsUsable() => Areas.Values.All(a => a.IsUsable());
}

/// <summary>The defaults are the statutory guidance's where it sets one, and a common local rule where it does not.</summary>
public sealed record AreaMissingRules
{
    /// <summary>Statutory guidance on children who run away or go missing from home or care (2014): a return interview within 72 hours.</summary>
    public double ReturnInterviewHours { get; init; } = 72;

    /// <summary>This many episodes within <see cref="RepeatWindowDays"/> make a strategy discussion required; 0 turns the rule off.</summary>
    public int RepeatEpisodes { get; init; } = 3;

    public int RepeatWindowDays { get; init; } = 90;

    /// <summary>Any episode of a child with an active high CSE flag makes a strategy discussion required.</summary>
    public bool DiscussionForHighCseFlag { get; init; } = true;

    /// <summary>An episode graded high risk makes a strategy discussion required.</summary>
    public bool DiscussionForHighRiskEpisode { get; init; } = true;

    /// <summary>The daily list's "returned recently" reaches back this far.</summary>
    public double ReturnedRecentlyHours { get; init; } = 24;

    public TimeSpan ReturnInterviewWithin => TimeSpan.FromHours(ReturnInterviewHours);
    public TimeSpan RepeatWindow => TimeSpan.FromDays(RepeatWindowDays);

    public bool IsUsable() =>
        ReturnInterviewHours is > 0 and <= 24 * 14 && RepeatEpisodes is >= 0 and <= 50 && RepeatWindowDays is >= 1 and <= 366
        && ReturnedRecentlyHours is > 0 and <= 24 * 7;
}
