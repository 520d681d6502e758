using System.Diagnostics;
using Mash.Node.Hosting;

namespace Mash.Faults.Tests;

/// <summary>
/// What an operator sees when a Production start is refused for a setting: the real program
/// exits 1 with one line naming what to set, not a stack trace and an abort that looks like a crash.
/// </summary>
public sealed class StartupRefusalTests
{
    [Fact]
    public async Task A_production_gateway_without_tls_exits_1_naming_the_settings_in_one_line()
    {
        var (code, errors) = await StartAsync(RepositoryLayout.BuiltAssembly("gateway/Mash.Gateway", "Mash.Gateway"), new()
        {
            ["Mash__LocalIssuer__Enabled"] = "false",
            ["Mash__Auth__LocalIssuer__Enabled"] = "false",
            ["AzureAd__TenantId"] = "8f0e4b1c-0000-4000-8000-0000000000aa",
            ["AzureAd__ClientId"] = "8f0e4b1c-0000-4000-8000-0000000000bb",
        });

        Assert.Equal(1, code);
        Assert.StartsWith("Mash.Gateway stopped: In Production the gateway takes partner traffic only over TLS", errors, StringComparison.Ordinal);
        Assert.Contains("Mash:Gateway:Tls:TrustedProxyNetworks", errors, StringComparison.Ordinal);
        Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_production_service_without_a_token_issuer_exits_1_saying_what_to_configure()
    {
        var (code, errors) = await StartAsync(RepositoryLayout.BuiltAssembly(ServiceSpec.Offender.ProjectFolder, ServiceSpec.Offender.AssemblyName), new()
        {
            ["Mash__Partnership__ChildKeySecret"] = "startup-refusal-test-secret",
        });

        Assert.Equal(1, code);
        Assert.StartsWith("Mash.Offender stopped: No token issuer is trusted: configure AzureAd (Entra ID)", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Errors)> StartAsync(string assembly, Dictionary<string, string> settings)
    {
        var data = Directory.CreateTempSubdirectory("mash-refusal-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet", [assembly]) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["DOTNET_ENVIRONMENT"] = "Production";
            start.Environment["Mash__DataDirectory"] = data;
            // Ports nothing else uses, in case a start got further than it should.
            start.Environment["Kestrel__Endpoints__Grpc__Url"] = "http://127.0.0.1:0";
            start.Environment["Kestrel__Endpoints__Http__Url"] = "http://127.0.0.1:0";
            start.Environment["Kestrel__Endpoints__http__Url"] = "http://127.0.0.1:0";
            foreach (var (key, value) in settings)
            {
                start.Environment[key] = value;
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{assembly} did not stop within 30 s: it started where it should have refused. {await output}");
            }

            return (process.ExitCode, (await errors).Trim());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
