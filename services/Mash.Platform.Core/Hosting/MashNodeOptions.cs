namespace Mash.Platform.Hosting;

/// <summary>Configuration section <c>Mash:Node</c>: which agency's deployment this is.</summary>
public sealed record MashNodeOptions
{
    public const string Section = "Mash:Node";

    public string Id { get; init; } = "local-node";
    public string Agency { get; init; } = "police";
    public string Area { get; init; } = "default";
}

/// <summary>Configuration key for the folder holding databases and generated keys.</summary>
public static class MashDataDirectory
{
    public const string Key = "Mash:DataDirectory";

    public static string Resolve(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var path = configuration[Key];
        var full = Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? ".mash" : path);
        Directory.CreateDirectory(full);
        return full;
    }
}
