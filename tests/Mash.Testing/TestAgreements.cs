namespace Mash.Testing;

/// <summary>
/// The information-sharing agreement a test service runs with: one, with its partner node in the
/// tests' pairs, for every category, in force through the tests' clocks (so a shared record has
/// one disclosure, as in a partnership of two). Without an agreement nothing is shared; tests of
/// agreements configure their own.
/// </summary>
public static class TestAgreements
{
    /// <summary>The pairs of nodes the tests use, each the other's partner.</summary>
    private static readonly (string A, string B)[] Pairs =
    [
        ("local-police", "local-social-care"),
        ("west-mercia-police", "worcestershire-social-care"),
    ];

    /// <summary>Every data category of the contract, by the name the registry takes: a category added there is agreed here too.</summary>
    public static readonly IReadOnlyList<string> AllCategories =
        [.. Enum.GetValues<Mash.Contracts.Governance.V1.DataCategory>().Where(c => c != Mash.Contracts.Governance.V1.DataCategory.Unspecified).Select(c => c.ToString())];

    /// <summary>The node's partner in its pair; a node in no pair shares with local-social-care.</summary>
    public static string PartnerOf(string nodeId) =>
        Pairs.Where(p => p.A == nodeId).Select(p => p.B).Concat(Pairs.Where(p => p.B == nodeId).Select(p => p.A)).FirstOrDefault() ?? "local-social-care";

    /// <summary>The one agreement, with <paramref name="partnerNode"/>, as configuration keys.</summary>
    public static IEnumerable<KeyValuePair<string, string>> With(string partnerNode) =>
        Agreement(0, "TEST-ISA-" + partnerNode, partnerNode, AllCategories, "2020-01-01", "2099-12-31");

    /// <summary>One registry entry as configuration keys.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Agreement(
        int index, string id, string partnerNode, IReadOnlyList<string> categories, string validFrom, string validTo)
    {
        var at = $"Mash:Agreements:Registry:{index}:";
        yield return new(at + "Id", id);
        yield return new(at + "PartnerNode", partnerNode);
        yield return new(at + "LawfulBasis", "LAWFUL_BASIS_PUBLIC_TASK");
        yield return new(at + "ValidFrom", validFrom);
        yield return new(at + "ValidTo", validTo);
        for (var i = 0; i < categories.Count; i++)
        {
            yield return new(at + $"Categories:{i}", categories[i]);
        }
    }
}
