namespace Mash.Referral.Domain;

/// <summary>
/// Configuration section <c>Mash:Partnership:FrontDoors</c>: for each area, the id of the node that
/// runs its MASH front door (the local authority's children's social care, as a rule). Every node of
/// the partnership is given the same map. An area missing from it has no front door: referrals for it
/// are refused rather than kept where no MASH would ever screen them.
/// </summary>
public sealed record PartnershipOptions
{
    public const string Section = "Mash:Partnership";

    public Dictionary<string, string> FrontDoors { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>Where each area's referrals are screened and decided, seen from one node.</summary>
public sealed class FrontDoors(IReadOnlyDictionary<string, string> frontDoors, string thisNode)
{
    public string ThisNode => thisNode;

    /// <summary>The configuration key that names the front door of <paramref name="area"/>.</summary>
    public static string SettingFor(string area) => $"{PartnershipOptions.Section}:FrontDoors:{area}";

    /// <summary>The node running the area's front door, or null when none is configured.</summary>
    public string? NodeFor(string area) =>
        frontDoors.TryGetValue(area, out var node) && !string.IsNullOrWhiteSpace(node) ? node.Trim() : null;

    /// <summary>Whether this node screens and decides the area's referrals.</summary>
    public bool IsHere(string area) => NodeFor(area) == thisNode;

    /// <summary>Whether this node runs the front door of any area (and so receives other nodes' referrals).</summary>
    public bool AnyHere => frontDoors.Values.Any(node => node?.Trim() == thisNode);
}
