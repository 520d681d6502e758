using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mash.Bench.Output;

/// <summary>The machine-readable results: indented JSON, camelCase, nulls left out.</summary>
public static class ResultFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(BenchRun run) => JsonSerializer.Serialize(run, Json);

    public static BenchRun Deserialize(string json) =>
        JsonSerializer.Deserialize<BenchRun>(json, Json) ?? throw new JsonException("Empty results file.");

    public static async Task WriteAsync(string path, BenchRun run)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, Serialize(run));
    }
}
