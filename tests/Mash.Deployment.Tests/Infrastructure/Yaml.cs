using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Mash.Deployment.Tests.Infrastructure;

/// <summary>YAML read into JSON nodes (scalars as strings; anchors resolved), to navigate with indexers.</summary>
internal static class Yaml
{
    public static JsonObject LoadFile(string relative) => (JsonObject)LoadAll(Repo.Read(relative)).Single();

    public static IReadOnlyList<JsonNode> LoadAll(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return [.. stream.Documents.Where(doc => doc.RootNode is YamlMappingNode).Select(doc => ToJson(doc.RootNode)!)];
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(pair =>
            KeyValuePair.Create(((YamlScalarNode)pair.Key).Value!, ToJson(pair.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode scalar => scalar.Value is null or "~" or "null" && scalar.Style == YamlDotNet.Core.ScalarStyle.Plain
            ? null
            : JsonValue.Create(scalar.Value),
        _ => throw new InvalidOperationException("Unexpected YAML node " + node.NodeType),
    };

    /// <summary>A scalar as text ("" when missing), whatever its JSON kind.</summary>
    public static string Text(this JsonNode? node) => node switch
    {
        null => "",
        JsonValue value => value.ToString(),
        _ => node.ToJsonString(),
    };

    public static IEnumerable<JsonNode> Items(this JsonNode? node) =>
        node is JsonArray array ? array.Where(item => item is not null).Select(item => item!) : [];

    public static IEnumerable<KeyValuePair<string, JsonNode?>> Entries(this JsonNode? node) =>
        node is JsonObject obj ? obj : [];
}
