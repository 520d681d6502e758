using System.Text.Json.Nodes;
using Mash.Deployment.Tests.Infrastructure;

namespace Mash.Deployment.Tests;

/// <summary>docker-compose.yml against the code: images, ports, settings, migrations, databases.</summary>
public sealed class ComposeFileTests
{
    private const string File = Compose.File;

    [Theory]
    [MemberData(nameof(Deployable.ServiceNames), MemberType = typeof(Deployable))]
    public void Each_service_is_healthy_only_when_its_own_grpc_readiness_says_so(string name)
    {
        var deployable = Deployable.Named(name);
        var test = Compose.Service(name)["healthcheck"]!["test"].Items().Select(i => i.Text()).ToList();

        Assert.Equal(["CMD", "dotnet", $"{deployable.ProjectName}.dll", "--check-health"], test);
    }

    [Theory]
    [MemberData(nameof(Deployable.AllNames), MemberType = typeof(Deployable))]
    public void Each_deployable_runs_its_own_image_built_from_its_dockerfile(string name)
    {
        var deployable = Deployable.Named(name);

        Assert.True(Compose.Service(name)["image"].Text() == deployable.Image,
            $"{File}: service '{name}' should run image {deployable.Image}, not '{Compose.Service(name)["image"].Text()}'");
        var builders = Compose.Services.Where(s => s.Value!["image"].Text() == deployable.Image && s.Value["build"] is not null).ToList();
        var builder = Assert.Single(builders);
        Assert.True(builder.Value!["build"]!["dockerfile"].Text() == deployable.Dockerfile,
            $"{File}: service '{builder.Key}' builds {deployable.Image} from '{builder.Value["build"]!["dockerfile"].Text()}', expected {deployable.Dockerfile}");
        Assert.True(builder.Value["build"]!["context"].Text() == ".", $"{File}: service '{builder.Key}' must build from the repository root (context: .)");
        Assert.True(System.IO.File.Exists(Repo.PathOf(deployable.Dockerfile)), $"{deployable.Dockerfile} does not exist");
        var pulled = Compose.Services.Where(s => s.Value!["image"].Text() == deployable.Image && s.Value["build"] is null && s.Value["pull_policy"].Text() != "never").Select(s => s.Key).ToList();
        Assert.True(pulled.Count == 0, $"{File}: {string.Join(", ", pulled)} would pull {deployable.Image} from a registry instead of using the local build (set pull_policy: never)");
    }

    [Theory]
    [MemberData(nameof(Deployable.AllNames), MemberType = typeof(Deployable))]
    public void Each_kestrel_endpoint_listens_on_every_interface_at_the_port_of_appsettings(string name)
    {
        var deployable = Deployable.Named(name);

        foreach (var (endpoint, port) in deployable.KestrelPorts)
        {
            var url = new Uri(Compose.Env(name, $"Kestrel__Endpoints__{endpoint}__Url"));
            Assert.True(url.Port == port, $"{File}: {name} Kestrel__Endpoints__{endpoint}__Url is port {url.Port}, {deployable.AppSettingsFile} says {port}");
            Assert.True(url.Host == "0.0.0.0", $"{File}: {name} Kestrel__Endpoints__{endpoint}__Url must listen on 0.0.0.0 inside the container");
        }
    }

    [Fact]
    public void The_gateway_publishes_its_two_ports_and_nothing_else_is_published()
    {
        var published = Compose.Service("gateway")["ports"].Items().Select(p => int.Parse(p.Text().Split(':')[^1])).Order().ToList();

        Assert.Equal(Deployable.Gateway.KestrelPorts.Values.Order().ToList(), published);
        var others = Compose.Services.Where(s => s.Key != "gateway" && s.Value!["ports"] is not null).Select(s => s.Key).ToList();
        Assert.True(others.Count == 0, $"{File}: only the gateway may publish ports, not {string.Join(", ", others)}");
    }

    [Fact]
    public void The_gateway_clusters_point_at_the_compose_services_on_their_ports()
    {
        var clusters = Deployable.Gateway.AppSettings["ReverseProxy"]!["Clusters"]!.AsObject();

        foreach (var (cluster, config) in clusters)
        {
            foreach (var (destination, value) in config!["Destinations"]!.AsObject())
            {
                // The local address's port says which service the cluster is for.
                var local = new Uri(value!["Address"]!.GetValue<string>());
                var target = Deployable.Services.Single(s => s.Port == local.Port);
                var address = new Uri(Compose.Env("gateway", $"ReverseProxy__Clusters__{cluster}__Destinations__{destination}__Address"));
                Assert.True(address.Host == target.ComposeService && address.Port == target.Port,
                    $"{File}: gateway cluster '{cluster}' goes to {address}, expected http://{target.ComposeService}:{target.Port}");
            }
        }
    }

    [Theory]
    [InlineData("referral")]
    [InlineData("referral-migrate")]
    [InlineData("assessment")]
    [InlineData("assessment-migrate")]
    [InlineData("strategy-discussion")]
    [InlineData("strategy-discussion-migrate")]
    [InlineData("offender")]
    [InlineData("offender-migrate")]
    [InlineData("custody")]
    [InlineData("custody-migrate")]
    [InlineData("investigation")]
    [InlineData("investigation-migrate")]
    [InlineData("gateway")]
    public void Every_environment_variable_is_a_setting_the_app_reads(string service)
    {
        var deployable = Deployable.Named(service.Replace("-migrate", "", StringComparison.Ordinal));
        var catalog = SettingsCatalog.For(deployable);

        var unknown = Compose.Environment(service).Keys.Where(key => !catalog.Knows(key)).ToList();

        Assert.True(unknown.Count == 0, $"{File}: service '{service}' sets {string.Join(", ", unknown)}, which {deployable.ProjectName} never reads");
    }

    [Theory]
    [MemberData(nameof(Deployable.ServiceNames), MemberType = typeof(Deployable))]
    public void Each_service_uses_its_own_postgresql_database_created_by_the_init_script(string name)
    {
        var deployable = Deployable.Named(name);
        var connection = Compose.Env(name, $"ConnectionStrings__{deployable.DatabaseName}");
        var parts = connection.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);

        Assert.Equal("PostgreSql", Compose.Env(name, "Mash__Database__Provider"));
        Assert.True(parts["Host"] == "postgres", $"{File}: {name}'s connection string must reach the 'postgres' service");
        Assert.True(parts["Database"] == deployable.DatabaseName, $"{File}: {name} uses database '{parts["Database"]}', its code names '{deployable.DatabaseName}'");
        Assert.True(Compose.Variables(parts["Password"]).Any(), $"{File}: {name}'s database password must come from .env, not be written in the file");
        Assert.Contains($"CREATE DATABASE {deployable.DatabaseName};", Repo.Read("deploy/compose/postgres-init.sql"), StringComparison.Ordinal);
        Assert.Contains("./deploy/compose/postgres-init.sql:/docker-entrypoint-initdb.d/", Compose.Service("postgres")["volumes"].Items().Select(v => v.Text()).FirstOrDefault(v => v.Contains("postgres-init", StringComparison.Ordinal)) ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Deployable.ServiceNames), MemberType = typeof(Deployable))]
    public void Each_service_starts_only_after_its_migration_step_succeeded(string name)
    {
        var deployable = Deployable.Named(name);
        var migration = Compose.Service(Compose.MigrationOf(deployable));

        Assert.Equal(deployable.Image, migration["image"].Text());
        Assert.Equal(["--migrate-only"], migration["command"].Items().Select(c => c.Text()));
        Assert.Equal("service_completed_successfully", Compose.Service(name)["depends_on"]?[Compose.MigrationOf(deployable)]?["condition"].Text());
        Assert.Equal("service_healthy", migration["depends_on"]?["postgres"]?["condition"].Text());
        Assert.Equal("false", Compose.Env(name, "Mash__Database__MigrateOnStart"));
        Assert.Equal(Compose.Environment(name), Compose.Environment(Compose.MigrationOf(deployable)));
    }

    [Theory]
    [MemberData(nameof(Deployable.ServiceNames), MemberType = typeof(Deployable))]
    public void Each_service_trusts_the_gateway_issuer_and_fetches_its_keys_inside_compose(string name)
    {
        var metadata = new Uri(Compose.Env(name, "Mash__Auth__LocalIssuer__MetadataAddress"));

        Assert.Equal(Compose.Env("gateway", "Mash__Auth__LocalIssuer__Issuer"), Compose.Env(name, "Mash__Auth__LocalIssuer__Issuer"));
        Assert.True(metadata.Host == "gateway" && metadata.Port == Deployable.Gateway.KestrelPorts["Http"],
            $"{File}: {name} fetches the issuer's keys from {metadata}, not from the gateway's HTTP port {Deployable.Gateway.KestrelPorts["Http"]}");
        Assert.Equal("/.well-known/openid-configuration", metadata.AbsolutePath);
        Assert.NotEqual("Production", Compose.Env(name, "ASPNETCORE_ENVIRONMENT")); // the local issuer is refused in Production
    }

    [Theory]
    [MemberData(nameof(Deployable.ServiceNames), MemberType = typeof(Deployable))]
    public void Each_service_sends_events_through_the_emulator_and_shares_one_child_key_secret(string name)
    {
        Assert.Equal("ServiceBus", Compose.Env(name, "Mash__Eventing__Transport"));
        var endpoint = Compose.Env(name, "Mash__Eventing__ServiceBusConnectionString").Split(';')[0];
        Assert.Equal("Endpoint=sb://servicebus-emulator", endpoint);
        Assert.Contains("UseDevelopmentEmulator=true", Compose.Env(name, "Mash__Eventing__ServiceBusConnectionString"), StringComparison.Ordinal);
        Assert.Equal(["MASH_CHILD_KEY_SECRET"], Compose.Variables(Compose.Env(name, "Mash__Partnership__ChildKeySecret")));
    }

    [Fact]
    public void Every_variable_the_file_needs_is_listed_in_env_example_and_no_env_file_is_committed()
    {
        var needed = Compose.Variables(Repo.Read(File)).ToHashSet();
        var listed = Repo.Read(".env.example").Split('\n').Where(line => line.Contains('=', StringComparison.Ordinal) && !line.TrimStart().StartsWith('#'))
            .Select(line => line.Split('=')[0].Trim()).ToHashSet();

        Assert.True(needed.SetEquals(listed), $".env.example lists {string.Join(", ", listed.Order())}; {File} uses {string.Join(", ", needed.Order())}");
        Assert.Contains(".env", Repo.Read(".gitignore").Split('\n').Select(l => l.Trim()));
        Assert.True(Repo.Read(".env.example").Split('\n').Where(l => l.StartsWith("POSTGRES_PASSWORD=", StringComparison.Ordinal) || l.StartsWith("MSSQL_SA_PASSWORD=", StringComparison.Ordinal) || l.StartsWith("MASH_CHILD_KEY_SECRET=", StringComparison.Ordinal)).All(l => l.EndsWith('=')),
            ".env.example must leave every password and secret empty");
    }

    [Fact]
    public void The_emulator_reads_the_committed_config_and_uses_its_sql_server()
    {
        var emulator = Compose.Service("servicebus-emulator");

        Assert.Equal("mcr.microsoft.com/azure-messaging/servicebus-emulator", emulator["image"].Text().Split(':')[0]);
        Assert.Contains("./deploy/compose/servicebus-emulator.json:/ServiceBus_Emulator/ConfigFiles/Config.json:ro", emulator["volumes"].Items().Select(v => v.Text()));
        var sqlServer = Compose.Env("servicebus-emulator", "SQL_SERVER");
        Assert.True(Compose.Services.ContainsKey(sqlServer), $"{File}: the emulator's SQL_SERVER '{sqlServer}' is not a service");
        Assert.Equal(Compose.Env("servicebus-emulator", "MSSQL_SA_PASSWORD"), Compose.Env(sqlServer, "MSSQL_SA_PASSWORD"));
    }
}
