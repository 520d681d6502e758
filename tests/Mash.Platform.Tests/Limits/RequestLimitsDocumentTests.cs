using System.Reflection;
using Google.Protobuf.Reflection;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Limits;

namespace Mash.Platform.Tests.Limits;

/// <summary>docs/request-limits.md is the table the services enforce, for every RPC of the contracts.</summary>
public sealed class RequestLimitsDocumentTests
{
    [Fact]
    public void The_published_limits_page_matches_what_the_services_enforce()
    {
        var expected = RequestLimitsDocument.Render(AllServices());
        var path = Path.Combine(RepositoryRoot(), "docs", "request-limits.md");
        if (Environment.GetEnvironmentVariable("MASH_WRITE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), "docs/request-limits.md is missing; write it with MASH_WRITE_DOCS=1.");
        Assert.Equal(expected.ReplaceLineEndings(), File.ReadAllText(path).ReplaceLineEndings());
    }

    [Fact]
    public void Every_rpc_of_every_contract_is_listed()
    {
        var page = RequestLimitsDocument.Render(AllServices());
        var methods = AllServices().SelectMany(s => s.Methods).ToList();
        Assert.True(methods.Count > 20, $"only {methods.Count} RPCs found in the contracts");
        Assert.All(methods, m => Assert.Contains($"### {m.Name} ({m.InputType.FullName})", page));
        Assert.Contains("| `statuses[]` | filter | at most 10 values |", page);
        Assert.Contains("| `referral_id` | identifier | at most 64 characters, no control characters |", page);
    }

    public static IEnumerable<ServiceDescriptor> AllServices() =>
        typeof(Referral).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(FileDescriptor))
            .SelectMany(p => ((FileDescriptor)p!.GetValue(null)!).Services)
            .DistinctBy(s => s.FullName);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Mash.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Mash.sln not found above the test's folder.");
    }
}
