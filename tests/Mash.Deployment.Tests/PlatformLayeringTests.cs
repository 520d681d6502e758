using System.Text.RegularExpressions;
using System.Xml.Linq;
using Mash.Deployment.Tests.Infrastructure;

namespace Mash.Deployment.Tests;

/// <summary>
/// The platform is layered, each project on those below it: Core (no database, no broker), Data
/// (persistence, audit, idempotency), Eventing (outbox, inbox, receipts; no transport), one project
/// per transport (Local, ServiceBus), and Mash.Platform on top (the service defaults). The gateway
/// references Core alone, so its image carries no EF Core, Npgsql or Service Bus SDK. Read from
/// the project files and sources, as a reviewer would check them.
/// </summary>
public sealed partial class PlatformLayeringTests
{
    private static readonly string[] DatabasePackages = ["Microsoft.EntityFrameworkCore", "Npgsql"];
    private static readonly string[] BrokerPackages = ["Azure.Messaging.ServiceBus", "Microsoft.Azure.Amqp", "Azure.Identity"];

    private static readonly string[] PlatformProjects =
    [
        "services/Mash.Platform.Core/Mash.Platform.Core.csproj",
        "services/Mash.Platform.Data/Mash.Platform.Data.csproj",
        "services/Mash.Platform.Eventing/Mash.Platform.Eventing.csproj",
        "services/Mash.Platform.Eventing.Local/Mash.Platform.Eventing.Local.csproj",
        "services/Mash.Platform.Eventing.ServiceBus/Mash.Platform.Eventing.ServiceBus.csproj",
        "services/Mash.Platform/Mash.Platform.csproj",
    ];

    [Theory]
    [InlineData("gateway/Mash.Gateway/Mash.Gateway.csproj")]
    [InlineData("services/Mash.Platform.Core/Mash.Platform.Core.csproj")]
    public void Neither_the_gateway_nor_the_core_platform_references_a_database_or_broker_package(string project)
    {
        var packages = PackagesReachedFrom(project);

        var storage = packages.Where(p => DatabasePackages.Concat(BrokerPackages).Any(s => p.StartsWith(s, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(storage.Count == 0, $"{project} reaches {string.Join(", ", storage)}");
        Assert.Contains("Grpc.AspNetCore", packages);
    }

    [Theory]
    [InlineData("services/Mash.Platform.Data/Mash.Platform.Data.csproj")]
    [InlineData("services/Mash.Platform.Eventing/Mash.Platform.Eventing.csproj")]
    [InlineData("services/Mash.Platform.Eventing.Local/Mash.Platform.Eventing.Local.csproj")]
    public void Only_the_service_bus_transport_and_the_service_defaults_reach_the_broker_packages(string project)
    {
        var packages = PackagesReachedFrom(project);

        var broker = packages.Where(p => BrokerPackages.Any(s => p.StartsWith(s, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(broker.Count == 0, $"{project} reaches {string.Join(", ", broker)}");
        Assert.Contains("Microsoft.EntityFrameworkCore.Sqlite", packages);
    }

    [Fact]
    public void Every_platform_project_is_checked_here_and_each_reaches_core()
    {
        var onDisk = Directory.EnumerateFiles(Repo.PathOf("services"), "Mash.Platform*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains("/obj/", StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(Repo.Root, p).Replace('\\', '/'));
        Assert.Equal(PlatformProjects.Order(), onDisk.Order());
        Assert.All(PlatformProjects.Skip(1), p => Assert.Contains(PlatformProjects[0], ProjectsReachedFrom(p, includeSelf: false)));
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
    public void A_platform_project_uses_no_namespace_of_a_project_it_does_not_reference()
    {
        var offending = new List<string>();
        foreach (var project in PlatformProjects)
        {
            var visible = ProjectsReachedFrom(project, includeSelf: true);
            var unreachable = PlatformProjects.Where(p => !visible.Contains(p))
                .SelectMany(p => NamespacesIn(FolderOf(p)))
                .Except(visible.Where(PlatformProjects.Contains).SelectMany(p => NamespacesIn(FolderOf(p))))
                .ToHashSet();
            offending.AddRange(Repo.Sources(FolderOf(project))
                .SelectMany(file => UsingLine().Matches(File.ReadAllText(file)).Select(m => (file, m.Groups[1].Value)))
                .Where(use => unreachable.Contains(use.Value))
                .Select(use => $"{Path.GetFileName(use.file)} uses {use.Value}"));
        }

        Assert.Contains("Mash.Platform.Persistence", NamespacesIn("services/Mash.Platform.Data"));
        Assert.True(offending.Count == 0, string.Join("; ", offending));
    }

    [Fact]
    public void Each_namespace_belongs_to_one_platform_project_so_a_using_says_which_assembly_it_needs()
    {
        // KnownChildRecord's full type name is recorded in the services' migration snapshots: it keeps
        // Mash.Platform.Identity, which otherwise holds the core identity rules.
        string[] recordedInMigrations = ["Mash.Platform.Identity"];

        var shared = PlatformProjects
            .SelectMany(p => NamespacesIn(FolderOf(p)).Select(ns => (ns, p)))
            .GroupBy(x => x.ns)
            .Where(g => g.Count() > 1 && !recordedInMigrations.Contains(g.Key))
            .Select(g => $"{g.Key} in {string.Join(" and ", g.Select(x => Path.GetFileNameWithoutExtension(x.p)))}")
            .ToList();

        Assert.True(shared.Count == 0, $"declared in more than one project: {string.Join("; ", shared)}");
    }

    private static string FolderOf(string project) => Path.GetDirectoryName(project)!.Replace('\\', '/');

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
