using Azure.Identity;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Local;
using Mash.Platform.Eventing.ServiceBus;
using Mash.Platform.Eventing.Transport;
using Mash.Platform.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mash.Platform.ServiceDefaults;

/// <summary>The transport <c>Mash:Eventing:Transport</c> names: one instance (one broker client) per process.</summary>
internal static class TransportFactory
{
    public const string Local = "Local";
    public const string ServiceBus = "ServiceBus";

    public static Func<IServiceProvider, IMessageTransport> Create(IConfiguration configuration)
    {
        var options = configuration.GetSection(EventingOptions.Section).Get<EventingOptions>() ?? new EventingOptions();
        return options.Transport switch
        {
            Local => services => new LocalFileTransport(
                new LocalTransportOptions { Path = LocalPath(options, configuration) },
                services.GetRequiredService<ILogger<LocalFileTransport>>(),
                services.GetRequiredService<TimeProvider>()),
            ServiceBus when !string.IsNullOrWhiteSpace(options.ServiceBusConnectionString) => services => new ServiceBusTransport(
                new ServiceBusTransportOptions { ConnectionString = options.ServiceBusConnectionString },
                services.GetRequiredService<ILogger<ServiceBusTransport>>()),
            // Workload identity (or any credential DefaultAzureCredential finds): no secret to hold.
            ServiceBus when !string.IsNullOrWhiteSpace(options.ServiceBusNamespace) => services => new ServiceBusTransport(
                new ServiceBusTransportOptions { FullyQualifiedNamespace = options.ServiceBusNamespace, Credential = new DefaultAzureCredential() },
                services.GetRequiredService<ILogger<ServiceBusTransport>>()),
            ServiceBus => throw new InvalidOperationException(
                "Mash:Eventing:Transport is ServiceBus: set Mash:Eventing:ServiceBusNamespace (workload identity) or Mash:Eventing:ServiceBusConnectionString."),
            _ => throw new InvalidOperationException($"Mash:Eventing:Transport '{options.Transport}' is not known: use {Local} or {ServiceBus}."),
        };
    }

    /// <summary>The local bus file: configured (the launcher gives every node of a machine the same one), or in the data directory.</summary>
    private static string LocalPath(EventingOptions options, IConfiguration configuration)
    {
        var path = string.IsNullOrWhiteSpace(options.LocalPath)
            ? Path.Combine(MashDataDirectory.Resolve(configuration), "bus", "mash-bus.db")
            : Path.GetFullPath(options.LocalPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
