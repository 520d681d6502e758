using Mash.Contracts.Referral.V1;

namespace Mash.Referral.Domain;

/// <summary>
/// Configuration section <c>Mash:Referral:Timescales</c>: per area, how many working hours
/// each RAG allows and how many working days the decision may take. "default" applies to
/// areas not listed. A RAG without hours (Blue, by default) adds no clock of its own. A referral may
/// be entered up to MaxReceivedAgeDays after it was received.
/// </summary>
public sealed record ReferralTimescalesOptions
{
    public const string Section = "Mash:Referral:Timescales";

    public Dictionary<string, AreaTimescales> Areas { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How far ahead of the service's clock a given receipt time may be: clocks differ a little.</summary>
    public TimeSpan ReceivedAtFutureTolerance { get; init; } = TimeSpan.FromMinutes(5);

    public AreaTimescales For(string area) =>
        Areas.GetValueOrDefault(area) ?? Areas.GetValueOrDefault("default") ?? AreaTimescales.Default;

    public bool Knows(string area) => Areas.ContainsKey(area) || Areas.Count == 0;
}

public sealed record AreaTimescales
{
    public static readonly AreaTimescales Default = new()
    {
        RagWorkingHours = new() { [Rag.Red] = 4, [Rag.Amber] = 24, [Rag.Green] = 72 },
    };

    public Dictionary<Rag, double> RagWorkingHours { get; init; } = [];
    public double DecisionWorkingDays { get; init; } = 1;
    /// <summary>The oldest receipt time a referral may be entered with, in days before now.</summary>
    public double MaxReceivedAgeDays { get; init; } = 30;
}
