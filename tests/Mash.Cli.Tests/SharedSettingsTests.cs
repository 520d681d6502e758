using Mash.Cli.Tests.Support;

namespace Mash.Cli.Tests;

/// <summary>The options every command takes, and the environment variables they fall back to.</summary>
public sealed class SharedSettingsTests
{
    [Fact]
    public async Task Without_options_or_environment_the_defaults_apply()
    {
        var settings = (await CliInProcess.RunAsync("list")).Settings;

        Assert.Equal(new Uri("http://127.0.0.1:5100"), settings.Gateway);
        Assert.Equal(new Uri("http://127.0.0.1:5100/connect/token"), settings.TokenUrl);
        Assert.Equal("MASH screening", settings.Purpose);
        Assert.Equal("LAWFUL_BASIS_PUBLIC_TASK", settings.LawfulBasis);
        Assert.False(settings.Json);
        Assert.Null(settings.CaCertificate);
        Assert.Null(settings.ClientId);
    }

    [Fact]
    public async Task MASH_GATEWAY_is_the_gateway_when_gateway_is_not_given()
    {
        var settings = (await CliInProcess.RunAsync(Environment("MASH_GATEWAY", "https://gateway.example:7443"), "list")).Settings;

        Assert.Equal(new Uri("https://gateway.example:7443"), settings.Gateway);
        Assert.Equal(new Uri("https://gateway.example:7443/connect/token"), settings.TokenUrl);
    }

    [Fact]
    public async Task The_gateway_option_wins_over_MASH_GATEWAY()
    {
        var settings = (await CliInProcess.RunAsync(Environment("MASH_GATEWAY", "http://from-env:1"), "list", "--gateway", "http://127.0.0.1:5200")).Settings;

        Assert.Equal(new Uri("http://127.0.0.1:5200"), settings.Gateway);
    }

    [Fact]
    public async Task A_blank_MASH_GATEWAY_is_as_if_unset()
    {
        var settings = (await CliInProcess.RunAsync(Environment("MASH_GATEWAY", "  "), "list")).Settings;

        Assert.Equal(new Uri("http://127.0.0.1:5100"), settings.Gateway);
    }

    [Fact]
    public async Task A_MASH_GATEWAY_that_is_not_an_http_address_is_a_usage_error_naming_gateway()
    {
        var run = await CliInProcess.RunAsync(Environment("MASH_GATEWAY", "gateway.example"), "list");

        Assert.Equal("--gateway must be an http:// or https:// address (got 'gateway.example')", run.Error);
    }

    [Fact]
    public async Task MASH_CACERT_is_the_certificate_to_trust_when_cacert_is_not_given()
    {
        var settings = (await CliInProcess.RunAsync(Environment("MASH_CACERT", "/certs/ca.pem"), "list")).Settings;

        Assert.Equal("/certs/ca.pem", settings.CaCertificate);
    }

    [Fact]
    public async Task The_cacert_option_wins_over_MASH_CACERT()
    {
        var settings = (await CliInProcess.RunAsync(Environment("MASH_CACERT", "/certs/env.pem"), "list", "--cacert", "given.pem")).Settings;

        Assert.Equal("given.pem", settings.CaCertificate);
    }

    [Fact]
    public async Task MASH_CLIENT_SECRET_is_the_secret_when_secret_is_not_given()
    {
        var environment = Environment("MASH_CLIENT_SECRET", "from-env");
        var settings = (await CliInProcess.RunAsync(environment, "list", "--client", "police-mash")).Settings;

        Assert.Equal("from-env", ClientSecretSource.Resolve("police-mash", settings, name => environment.GetValueOrDefault(name)));
    }

    [Fact]
    public async Task The_secret_option_wins_over_MASH_CLIENT_SECRET()
    {
        var environment = Environment("MASH_CLIENT_SECRET", "from-env");
        var settings = (await CliInProcess.RunAsync(environment, "list", "--client", "police-mash", "--secret", "given")).Settings;

        Assert.Equal("given", ClientSecretSource.Resolve("police-mash", settings, name => environment.GetValueOrDefault(name)));
    }

    [Fact]
    public async Task Every_shared_option_is_read_wherever_it_stands_on_the_line()
    {
        string[] shared =
        [
            "--client", " police-mash ", "--secret", "s3cret", "--token-url", "http://127.0.0.1:5101/connect/token", "--scope", "Referral.Read",
            "--data-dir", ".mash/local-police", "--purpose", " Section 47 enquiry ", "--lawful-basis", "safeguarding-of-children", "--json",
        ];

        foreach (string[] line in (string[][])[["list", .. shared], [.. shared, "list"], [.. shared[..4], "list", .. shared[4..]]])
        {
            var settings = (await CliInProcess.RunAsync(line)).Settings;

            Assert.Equal("police-mash", settings.ClientId);
            Assert.Equal("s3cret", settings.Secret);
            Assert.Equal(new Uri("http://127.0.0.1:5101/connect/token"), settings.TokenUrl);
            Assert.Equal("Referral.Read", settings.Scope);
            Assert.Equal(".mash/local-police", settings.DataDirectory);
            Assert.Equal("Section 47 enquiry", settings.Purpose);
            Assert.Equal("LAWFUL_BASIS_SAFEGUARDING_OF_CHILDREN", settings.LawfulBasis);
            Assert.True(settings.Json);
        }
    }

    [Theory]
    [InlineData("LIST")]
    [InlineData("List")]
    public async Task The_command_may_be_written_in_any_letter_case(string command)
    {
        var run = await CliInProcess.RunAsync(command, "--overdue");

        Assert.True(run.Sent((ListCommand c, CommandContext x) => c.Request(x)).OverdueOnly);
    }

    [Fact]
    public async Task A_given_token_is_used_as_is()
    {
        Assert.Equal("eyJ.token", (await CliInProcess.RunAsync("get", "--id", "ref_1", "--token", "eyJ.token")).Settings.Token);
    }

    private static Dictionary<string, string> Environment(string name, string value) => new() { [name] = value };
}
