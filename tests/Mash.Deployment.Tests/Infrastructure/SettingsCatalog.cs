using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Mash.Deployment.Tests.Infrastructure;

/// <summary>
/// The configuration keys a deployable really reads: its appsettings.json, the options records
/// bound to a section (<c>const string Section</c> and their properties, nested records too), the
/// keys the code names as constants or indexes configuration with, and its connection string.
/// An environment variable naming anything else would be silently ignored by the app.
/// </summary>
internal sealed partial class SettingsCatalog
{
    /// <summary>
    /// Agreed for every service in issue 6 (common deployment decisions) and implemented by the
    /// PostgreSQL work; accepted here by name until the code on this branch reads them too.
    /// </summary>
    private static readonly string[] AgreedSettings = ["Mash:Database:Provider", "Mash:Database:MigrateOnStart"];

    /// <summary>Read by ASP.NET Core and the OpenTelemetry SDK themselves.</summary>
    private static readonly string[] FrameworkSettings = ["ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT"];

    private readonly HashSet<string> _keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _openSections = [];

    private SettingsCatalog()
    {
    }

    public static SettingsCatalog For(Deployable deployable)
    {
        var catalog = new SettingsCatalog();
        catalog.AddAppSettings(deployable.AppSettings, "");
        // The gateway is built on the core platform alone; services on every platform project.
        var platform = deployable.IsGateway
            ? Repo.Sources("services/Mash.Platform.Core")
            : Directory.EnumerateDirectories(Repo.PathOf("services"), "Mash.Platform*")
                .SelectMany(folder => Repo.Sources(Path.GetRelativePath(Repo.Root, folder)));
        var sources = platform.Concat(Repo.Sources(deployable.ProjectDirectory)).Select(File.ReadAllText).ToList();
        catalog.AddSources(sources);
        if (!deployable.IsGateway)
        {
            catalog._keys.Add("ConnectionStrings:" + deployable.DatabaseName);
        }

        foreach (var key in AgreedSettings.Concat(FrameworkSettings))
        {
            catalog._keys.Add(key);
        }

        return catalog;
    }

    /// <summary>An environment variable name (<c>A__B</c>) or a key (<c>A:B</c>) the app reads.</summary>
    public bool Knows(string name)
    {
        var key = name.Replace("__", ":", StringComparison.Ordinal);
        return key.StartsWith("OTEL_", StringComparison.Ordinal)
            || _keys.Contains(key)
            || _openSections.Any(section => key.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase));
    }

    private void AddAppSettings(JsonNode? node, string prefix)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    AddAppSettings(child, Join(prefix, name));
                }

                break;
            case JsonArray array:
                _openSections.Add(prefix); // list items, addressed by index
                break;
            default:
                _keys.Add(prefix);
                break;
        }
    }

    private void AddSources(IReadOnlyList<string> sources)
    {
        var types = new Dictionary<string, List<(string Type, string Name)>>(StringComparer.Ordinal);
        var sections = new List<(string Section, string Type)>();
        foreach (var source in sources)
        {
            foreach (Match constant in KeyConstant().Matches(source))
            {
                _keys.Add(constant.Groups["key"].Value);
            }

            foreach (Match indexer in KeyIndexer().Matches(source))
            {
                _keys.Add(indexer.Groups["key"].Value);
            }

            // Properties belong to the type declared last before them in the file.
            var declarations = TypeDeclaration().Matches(source).ToList();
            foreach (var declaration in declarations)
            {
                var end = declarations.FirstOrDefault(next => next.Index > declaration.Index)?.Index ?? source.Length;
                var body = source[declaration.Index..end];
                var name = declaration.Groups["name"].Value;
                types[name] = [.. Property().Matches(body).Select(p => (p.Groups["type"].Value, p.Groups["name"].Value))];
                if (SectionConstant().Match(body) is { Success: true } section)
                {
                    sections.Add((section.Groups["section"].Value, name));
                }
            }
        }

        foreach (var (section, type) in sections)
        {
            AddOptions(section, type, types, depth: 0);
        }
    }

    private void AddOptions(string prefix, string type, Dictionary<string, List<(string Type, string Name)>> types, int depth)
    {
        if (depth > 4 || !types.TryGetValue(type, out var properties))
        {
            return;
        }

        foreach (var (propertyType, name) in properties)
        {
            var key = Join(prefix, name);
            var bare = propertyType.TrimEnd('?');
            if (bare.Contains("Dictionary<", StringComparison.Ordinal) || bare.Contains("List<", StringComparison.Ordinal) || bare.EndsWith("[]", StringComparison.Ordinal))
            {
                _openSections.Add(key);
            }
            else if (types.ContainsKey(bare))
            {
                AddOptions(key, bare, types, depth + 1);
            }
            else
            {
                _keys.Add(key);
            }
        }
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + ":" + name;

    [GeneratedRegex(@"const string \w+ = ""(?<key>(?:Mash|AzureAd|ConnectionStrings)(?::\w+)+)""")]
    private static partial Regex KeyConstant();

    [GeneratedRegex(@"\[""(?<key>(?:Mash|AzureAd|ConnectionStrings)(?::\w+)+)""\]")]
    private static partial Regex KeyIndexer();

    [GeneratedRegex(@"\b(?:public|internal|private|protected)\s+(?:(?:sealed|static|partial|abstract)\s+)*(?:record|class)\s+(?<name>\w+)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"public\s+(?<type>[\w<>,\s\?\[\]]+?)\s+(?<name>\w+)\s*\{\s*get;\s*(?:init|set);")]
    private static partial Regex Property();

    [GeneratedRegex(@"const string Section = ""(?<section>[^""]+)""")]
    private static partial Regex SectionConstant();
}
