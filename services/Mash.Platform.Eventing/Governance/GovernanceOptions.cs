namespace Mash.Platform.Eventing.Governance;

/// <summary>The governance API's settings (<c>Mash:Governance</c>).</summary>
public sealed class GovernanceOptions
{
    public const string Section = "Mash:Governance";

    /// <summary>The most records one access notice may list: a partner's larger notice is dead-lettered.</summary>
    public const int MaxRecordsPerAccessNotice = 1_000;

    /// <summary>The accesses one service puts in a case export (newest first); ListChildAccesses pages them all. Default 5,000.</summary>
    public int MaxExportedAccesses { get; set; } = 5_000;

    /// <summary>
    /// The records of one child one access notice lists, 1 to 1,000 (default): a call that read more from one
    /// partner node sends that node several notices. 1 sends one notice per record without the list, as nodes
    /// of earlier versions did and still read fully: for a partnership whose nodes are not all upgraded yet.
    /// </summary>
    public int RecordsPerAccessNotice { get; set; } = MaxRecordsPerAccessNotice;
}
