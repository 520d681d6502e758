using System.Net;
using Grpc.Core;
using Mash.Platform.Rest;
using Microsoft.AspNetCore.HttpOverrides;

namespace Mash.Gateway.Tls;

/// <summary>
/// TLS for partners (<see cref="GatewayTlsOptions"/>). In Production the gateway must either
/// terminate TLS itself or trust a TLS-terminating proxy, or it does not start; and a bearer token
/// that arrived over cleartext is refused, so no partner's token or child's data crosses a network
/// unencrypted. Development keeps cleartext on loopback unless a certificate is configured.
/// </summary>
internal static class GatewayTls
{
    public static WebApplicationBuilder AddGatewayTls(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GatewayTlsOptions.Section).Get<GatewayTlsOptions>() ?? new GatewayTlsOptions();
        var production = builder.Environment.IsProduction();
        if (production && !options.TerminatesTls && options.TrustedProxyNetworks.Count == 0)
        {
            throw new InvalidOperationException(
                "In Production the gateway takes partner traffic only over TLS: set Mash:Gateway:Tls:CertificatePath and "
                + "Mash:Gateway:Tls:KeyPath (PEM files of a mounted certificate secret), or Mash:Gateway:Tls:TrustedProxyNetworks "
                + "(the networks of the TLS-terminating proxy in front of the gateway).");
        }

        if (options.TerminatesTls)
        {
            RequireHttpsEndpoints(builder.Configuration.GetSection("Kestrel:Endpoints"));
            builder.Services.AddSingleton(services => new CertificateFiles(options,
                services.GetService<TimeProvider>() ?? TimeProvider.System, services.GetRequiredService<ILogger<CertificateFiles>>()));
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                // Runs as the server starts: a missing, unreadable or expired certificate stops it, named.
                var files = kestrel.ApplicationServices.GetRequiredService<CertificateFiles>();
                files.LoadAtStart();
                kestrel.ConfigureHttpsDefaults(https => https.ServerCertificateSelector = (_, _) => files.Current);
            });
        }

        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var network in options.TrustedProxyNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }

    /// <summary>First in the pipeline: the proxy's word on the scheme, then the cleartext-token refusal.</summary>
    public static IApplicationBuilder UseGatewayTls(this WebApplication app)
    {
        var options = app.Configuration.GetSection(GatewayTlsOptions.Section).Get<GatewayTlsOptions>() ?? new GatewayTlsOptions();
        if (options.TrustedProxyNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        if (!app.Environment.IsProduction())
        {
            return app;
        }

        return app.Use((context, next) =>
            context.Request.IsHttps || !context.Request.Headers.ContainsKey("Authorization")
                ? next(context)
                : CallerStatus.WriteAsync(context, StatusCode.Unauthenticated,
                    "Bearer tokens are accepted only over TLS: call the gateway's https:// address. This token crossed the network unencrypted; consider it exposed."));
    }

    /// <summary>With a certificate configured, every Kestrel endpoint must be https:// (a cleartext one would take tokens in the clear).</summary>
    private static void RequireHttpsEndpoints(IConfigurationSection endpoints)
    {
        foreach (var endpoint in endpoints.GetChildren())
        {
            var url = endpoint["Url"] ?? "";
            if (!url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"Kestrel:Endpoints:{endpoint.Key}:Url is '{url}', but {GatewayTlsOptions.Section}:CertificatePath is set: make it https:// so partners reach it over TLS.");
            }
        }
    }
}
