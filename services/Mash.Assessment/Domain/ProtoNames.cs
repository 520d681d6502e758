using System.Collections.Concurrent;
using System.Reflection;
using Google.Protobuf.Reflection;

namespace Mash.Assessment.Domain;

/// <summary>Contract enum values by their proto names, for messages people read ("VERY_HIGH").</summary>
public static class ProtoNames
{
    private static readonly ConcurrentDictionary<(Type, string), string> Names = new();

    /// <summary>The full proto name, e.g. RISK_LEVEL_VERY_HIGH.</summary>
    public static string Full<T>(T value)
        where T : struct, Enum =>
        Names.GetOrAdd((typeof(T), value.ToString()), key =>
            key.Item1.GetField(key.Item2)?.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? key.Item2);

    /// <summary>The name without the enum's prefix, e.g. VERY_HIGH.</summary>
    public static string Unprefixed<T>(T value)
        where T : struct, Enum
    {
        var unspecified = Full(default(T));
        var prefix = unspecified.EndsWith("UNSPECIFIED", StringComparison.Ordinal) ? unspecified[..^"UNSPECIFIED".Length] : "";
        var full = Full(value);
        return full.StartsWith(prefix, StringComparison.Ordinal) ? full[prefix.Length..] : full;
    }
}
