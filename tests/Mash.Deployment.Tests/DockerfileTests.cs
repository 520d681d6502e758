using Mash.Deployment.Tests.Infrastructure;

namespace Mash.Deployment.Tests;

/// <summary>Every Dockerfile: SDK build stage, ASP.NET runtime stage, a numeric non-root user, the app's ports.</summary>
public sealed class DockerfileTests
{
    /// <summary>The Dockerfile's instructions, continuation lines joined, comments dropped.</summary>
    private static List<(string Instruction, string Arguments)> Instructions(Deployable deployable) =>
        [.. Repo.Read(deployable.Dockerfile).Replace("\\\n", " ", StringComparison.Ordinal).Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' ', 2) is var parts ? (parts[0].ToUpperInvariant(), parts.Length > 1 ? parts[1].Trim() : "") : default)];

    [Theory]
    [MemberData(nameof(Deployable.AllNames), MemberType = typeof(Deployable))]
    public void It_builds_with_the_sdk_and_runs_on_the_aspnet_runtime_only(string name)
    {
        var deployable = Deployable.Named(name);
        var stages = Instructions(deployable).Where(i => i.Instruction == "FROM").Select(i => i.Arguments).ToList();

        Assert.True(stages.Count >= 2, $"{deployable.Dockerfile} must be multi-stage");
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", stages[0], StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", stages[^1], StringComparison.Ordinal);
        var copies = Instructions(deployable).SkipWhile(i => i.Arguments != stages[^1]).Where(i => i.Instruction == "COPY").ToList();
        Assert.True(copies.Count > 0 && copies.All(c => c.Arguments.StartsWith("--from=", StringComparison.Ordinal)),
            $"{deployable.Dockerfile}: the runtime stage must take only the published output of the build stage");
    }

    [Theory]
    [MemberData(nameof(Deployable.AllNames), MemberType = typeof(Deployable))]
    public void It_runs_as_a_numeric_non_root_user(string name)
    {
        var deployable = Deployable.Named(name);
        var users = Instructions(deployable).SkipWhile(i => !(i.Instruction == "FROM" && i.Arguments.Contains("aspnet", StringComparison.Ordinal)))
            .Where(i => i.Instruction == "USER").ToList();

        var user = Assert.Single(users).Arguments.Split(':')[0];
        Assert.True(int.TryParse(user, out var uid) && uid > 0, $"{deployable.Dockerfile}: USER '{user}' must be a numeric non-root id (Kubernetes runAsNonRoot checks it)");
        Assert.Equal("USER", Instructions(deployable).Last(i => i.Instruction is "USER" or "RUN").Instruction);
    }

    [Theory]
    [MemberData(nameof(Deployable.AllNames), MemberType = typeof(Deployable))]
    public void It_exposes_and_listens_on_the_ports_of_appsettings(string name)
    {
        var deployable = Deployable.Named(name);
        var instructions = Instructions(deployable);
        var exposed = instructions.Where(i => i.Instruction == "EXPOSE").SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(int.Parse).Order();
        var environment = string.Join(' ', instructions.Where(i => i.Instruction == "ENV").Select(i => i.Arguments));

        Assert.Equal(deployable.KestrelPorts.Values.Order(), exposed);
        foreach (var (endpoint, port) in deployable.KestrelPorts)
        {
            Assert.Contains($"Kestrel__Endpoints__{endpoint}__Url=http://0.0.0.0:{port}", environment, StringComparison.Ordinal);
        }

        Assert.Contains($"\"{deployable.ProjectName}.dll\"", instructions.Single(i => i.Instruction == "ENTRYPOINT").Arguments, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Deployable.ServiceNames), MemberType = typeof(Deployable))]
    public void Its_healthcheck_asks_the_services_own_grpc_readiness(string name)
    {
        var deployable = Deployable.Named(name);
        var healthcheck = Instructions(deployable).Single(i => i.Instruction == "HEALTHCHECK").Arguments;

        Assert.Contains($"CMD [\"dotnet\", \"{deployable.ProjectName}.dll\", \"--check-health\"]", healthcheck, StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_context_leaves_out_build_output_local_data_and_secrets()
    {
        var ignored = Repo.Read(".dockerignore").Split('\n').Select(l => l.Trim()).ToHashSet();

        Assert.Superset(new HashSet<string> { "**/bin/", "**/obj/", "**/.mash/", ".env", ".git/" }, ignored);
    }
}
