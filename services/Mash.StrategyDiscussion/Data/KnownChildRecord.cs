namespace Mash.StrategyDiscussion.Data;

/// <summary>
/// A child as this node knows them, recorded by one of the node's services (a referral, an assessment,
/// a flag, an offender's link): the name given to partners' discussions about that child here.
/// </summary>
public sealed class KnownChildRecord
{
    public string ChildKey { get; set; } = "";
    /// <summary>mash.common.v1.ChildIdentity bytes, the latest recorded.</summary>
    public byte[] Child { get; set; } = [];
    public DateTime RecordedAt { get; set; }
}
