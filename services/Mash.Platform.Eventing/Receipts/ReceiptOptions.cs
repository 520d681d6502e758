namespace Mash.Platform.Eventing.Receipts;

/// <summary>
/// When a partner's receipt is expected (<c>Mash:Receipts</c>): what was shared and has no receipt
/// by then is listed as unacknowledged. Counted in working hours of the node's area calendar.
/// </summary>
public sealed record ReceiptOptions
{
    public const string Section = "Mash:Receipts";

    public double ExpectedWithinWorkingHours { get; init; } = 1;
}
