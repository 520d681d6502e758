using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mash.Platform.Eventing;

namespace Mash.Deployment.Tests.Infrastructure;

/// <summary>
/// A container image and the project it is built from (the suite's naming decision:
/// <c>mash/&lt;name&gt;</c>); everything else (ports, database, topics) is read from the code.
/// </summary>
internal sealed partial record Deployable(string Image, string ComposeService, string KubernetesName, string ProjectDirectory)
{
    public static readonly Deployable Referral = new("mash/referral", "referral", "mash-referral", "services/Mash.Referral");
    public static readonly Deployable Assessment = new("mash/assessment", "assessment", "mash-assessment", "services/Mash.Assessment");
    public static readonly Deployable Strategy = new("mash/strategy-discussion", "strategy-discussion", "mash-strategy-discussion", "services/Mash.StrategyDiscussion");
    public static readonly Deployable Offender = new("mash/offender", "offender", "mash-offender", "services/Mash.Offender");
    public static readonly Deployable Custody = new("mash/custody", "custody", "mash-custody", "services/Mash.Custody");
    public static readonly Deployable Investigation = new("mash/investigation", "investigation", "mash-investigation", "services/Mash.Investigation");
    public static readonly Deployable Gateway = new("mash/gateway", "gateway", "mash-gateway", "gateway/Mash.Gateway");

    public static IReadOnlyList<Deployable> Services { get; } = [Referral, Assessment, Strategy, Offender, Custody, Investigation];
    public static IReadOnlyList<Deployable> All { get; } = [.. Services, Gateway];

    public static TheoryData<string> ServiceNames => [.. Services.Select(s => s.ComposeService)];
    public static TheoryData<string> AllNames => [.. All.Select(s => s.ComposeService)];

    public static Deployable Named(string composeService) => All.Single(d => d.ComposeService == composeService);

    public bool IsGateway => this == Gateway;
    public string ProjectName => Path.GetFileName(ProjectDirectory);
    public string Dockerfile => ProjectDirectory + "/Dockerfile";
    public string AppSettingsFile => ProjectDirectory + "/appsettings.json";

    public JsonNode AppSettings => JsonNode.Parse(Repo.Read(AppSettingsFile))!;

    /// <summary>Kestrel endpoint name to port, from appsettings.json.</summary>
    public IReadOnlyDictionary<string, int> KestrelPorts =>
        AppSettings["Kestrel"]!["Endpoints"]!.AsObject().ToDictionary(
            endpoint => endpoint.Key, endpoint => new Uri(endpoint.Value!["Url"]!.GetValue<string>()).Port);

    /// <summary>The one gRPC port of a service.</summary>
    public int Port => KestrelPorts.Values.Single();

    private string Setup => string.Concat(Directory.EnumerateFiles(Repo.PathOf(ProjectDirectory), "*ServiceSetup.cs").Select(File.ReadAllText));

    /// <summary>The name given to AddMashPersistence: the database and its connection string's name.</summary>
    public string DatabaseName => Constant(Setup, "DatabaseName");

    /// <summary>The name given to AddMashEventing, which names this service's subscriptions.</summary>
    public string ConsumerName
    {
        get
        {
            var argument = AddEventing().Match(Setup);
            Assert.True(argument.Success, $"{ProjectDirectory}: no AddMashEventing(...) call found");
            return argument.Groups["literal"].Success ? argument.Groups["literal"].Value : Constant(Setup, argument.Groups["name"].Value);
        }
    }

    /// <summary>The topics this service subscribes to (its <c>.Handle&lt;..&gt;(Topics.X, ...)</c> calls).</summary>
    public IReadOnlySet<string> ConsumedTopics => HandledTopic().Matches(Setup)
        .Select(match => (string)typeof(Topics).GetField(match.Groups["field"].Value, BindingFlags.Public | BindingFlags.Static)!.GetRawConstantValue()!)
        .ToHashSet();

    public override string ToString() => ComposeService;

    private string Constant(string source, string name)
    {
        var match = Regex.Match(source, $@"const string {name} = ""(?<value>[^""]+)""");
        Assert.True(match.Success, $"{ProjectDirectory}: constant {name} not found");
        return match.Groups["value"].Value;
    }

    [GeneratedRegex(@"AddMashEventing\((?:""(?<literal>[^""]+)""|(?<name>\w+))\)")]
    private static partial Regex AddEventing();

    [GeneratedRegex(@"\.Handle<[^>]+>\(\s*Topics\.(?<field>\w+)")]
    private static partial Regex HandledTopic();
}
