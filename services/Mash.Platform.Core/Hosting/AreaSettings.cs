namespace Mash.Platform.Hosting;

/// <summary>
/// A configuration section of per-area settings, <c>Areas:&lt;area&gt;</c>: an area not listed takes
/// "default", and without that the statutory defaults <typeparamref name="T"/> starts with.
/// </summary>
public class AreaSettings<T> where T : class, new()
{
    public Dictionary<string, T> Areas { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the area has settings of its own ("default" serves the others).</summary>
    public bool Lists(string area) => Areas.ContainsKey(area);

    public T For(string area) => Areas.GetValueOrDefault(area) ?? Areas.GetValueOrDefault("default") ?? new T();
}
