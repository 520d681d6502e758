namespace Mash.Platform.Eventing.Figures;

/// <summary>Configuration section <c>Mash:Figures</c>: the longest period one figures call covers.</summary>
public sealed class FiguresOptions
{
    public const string Section = "Mash:Figures";

    /// <summary>A year and a bit, so a year's figures can be compared with the same month before.</summary>
    public int MaxPeriodDays { get; init; } = 400;
}
