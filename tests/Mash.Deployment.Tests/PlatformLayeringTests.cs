using System.Text.RegularExpressions;
using System.Xml.Linq;
using Mash.Deployment.Tests.Infrastructure;

namespace Mash.Deployment.Tests;

/// <summary>
/// The platform is layered: Mash.Platform.Core (no database, no broker) under Mash.Platform, and the
/// gateway on Core alone, so its image carries no EF Core, Npgsql or Service Bus SDK. Read from the
/// project files and sources, as a reviewer would check them.
/// </summary>
public sealed partial class PlatformLayeringTests
{
    private static readonly string[] StoragePackages =
        ["Microsoft.EntityFrameworkCore", "Npgsql", "Azure.Messaging.ServiceBus", "Microsoft.Azure.Amqp", "Azure.Identity"];

    [Theory]
    [InlineData("gateway/Mash.Gateway/Mash.Gateway.csproj")]
    [InlineData("services/Mash.Platform.Core/Mash.Platform.Core.csproj")]
    public void Neither_the_gateway_nor_the_core_platform_references_a_database_or_broker_package(string project)
    {
        var packages = PackagesReachedFrom(project);

        var storage = packages.Where(p => StoragePackages.Any(s => p.StartsWith(s, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(storage.Count == 0, $"{project} reaches {string.Join(", ", storage)}");
        Assert.Contains("Grpc.AspNetCore", packages);
    }

    [Fact]
    public void No_project_reaches_itself_through_its_references()
    {
        foreach (var project in Directory.EnumerateFiles(Repo.Root, "*.csproj", SearchOption.AllDirectories).Where(p => !p.Contains("/obj/", StringComparison.Ordinal)))
        {
            var relative = Path.GetRelativePath(Repo.Root, project).Replace('\\', '/');
            Assert.DoesNotContain(relative, ProjectsReachedFrom(relative, includeSelf: false));
        }
    }

    [Fact]
    public void Core_sources_use_no_namespace_that_only_the_service_platform_defines()
    {
        var serviceOnly = NamespacesIn("services/Mash.Platform").Except(NamespacesIn("services/Mash.Platform.Core")).ToList();
        Assert.Contains("Mash.Platform.Persistence", serviceOnly);

        var offending = Repo.Sources("services/Mash.Platform.Core")
            .SelectMany(file => UsingLine().Matches(File.ReadAllText(file)).Select(m => (file, m.Groups[1].Value)))
            .Where(use => serviceOnly.Contains(use.Value))
            .Select(use => $"{Path.GetFileName(use.file)} uses {use.Value}")
            .ToList();
        Assert.True(offending.Count == 0, string.Join("; ", offending));
    }

    [Fact]
    public void Each_namespace_belongs_to_one_layer_so_a_using_says_which_assembly_it_needs()
    {
        // KnownChildRecord's full type name is recorded in the services' migration snapshots: it keeps
        // Mash.Platform.Identity, which otherwise holds the core identity rules.
        string[] recordedInMigrations = ["Mash.Platform.Identity"];

        var shared = NamespacesIn("services/Mash.Platform.Core").Intersect(NamespacesIn("services/Mash.Platform")).Except(recordedInMigrations).ToList();

        Assert.True(shared.Count == 0, $"declared in both layers: {string.Join(", ", shared)}");
    }

    private static HashSet<string> PackagesReachedFrom(string project) =>
        [.. ProjectsReachedFrom(project, includeSelf: true).SelectMany(p => Elements(p, "PackageReference").Select(e => (string)e.Attribute("Include")!))];

    /// <summary>The project's references, transitively; those with ReferenceOutputAssembly="false" only order the build and are left out.</summary>
    private static HashSet<string> ProjectsReachedFrom(string project, bool includeSelf)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(References(project));
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            // A project met again (itself included) is not followed twice: a cycle cannot loop here.
            if (reached.Add(next))
            {
                foreach (var reference in References(next))
                {
                    pending.Push(reference);
                }
            }
        }

        if (includeSelf)
        {
            reached.Add(project);
        }

        return reached;
    }

    private static IEnumerable<string> References(string project) =>
        Elements(project, "ProjectReference")
            .Where(e => !string.Equals((string?)e.Attribute("ReferenceOutputAssembly"), "false", StringComparison.OrdinalIgnoreCase))
            .Select(e => Path.GetRelativePath(Repo.Root, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Repo.PathOf(project))!, (string)e.Attribute("Include")!)))
                .Replace('\\', '/'));

    private static IEnumerable<XElement> Elements(string project, string name) =>
        XDocument.Load(Repo.PathOf(project)).Descendants(name).Where(e => e.Attribute("Include") is not null);

    private static HashSet<string> NamespacesIn(string folder) =>
        [.. Repo.Sources(folder).Select(file => NamespaceLine().Match(File.ReadAllText(file))).Where(m => m.Success).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"^using (Mash\.Platform[\w.]*);", RegexOptions.Multiline)]
    private static partial Regex UsingLine();

    [GeneratedRegex(@"^namespace (Mash\.Platform[\w.]*);", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();
}
