namespace Mash.Assessment.Data;

/// <summary>At the local authority's node: a child in care's Philomena profile, one per child.</summary>
public sealed class PhilomenaProfileRecord
{
    public string ChildKey { get; set; } = "";
    /// <summary>mash.missing.v1.PhilomenaProfile bytes, the child's identity included.</summary>
    public byte[] Profile { get; set; } = [];
    public string CareProviderClientId { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}

/// <summary>At a partner node: the profile released for an open episode, dropped when the episode closes.</summary>
public sealed class ReleasedProfileRecord
{
    public string EpisodeId { get; set; } = "";
    public string ChildKey { get; set; } = "";
    public string OriginNode { get; set; } = "";
    /// <summary>mash.missing.v1.PhilomenaProfile bytes.</summary>
    public byte[] Profile { get; set; } = [];
    public DateTime ReleasedAt { get; set; }
}
