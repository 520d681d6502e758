using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Local;
using Mash.Platform.Eventing.ServiceBus;
using Mash.Platform.ServiceDefaults;
using Mash.Platform.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mash.Platform.Tests.Eventing.Wiring;

public sealed class TransportFactoryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static object Create(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).BuildServiceProvider();
        return TransportFactory.Create(configuration)(services);
    }

    [Fact]
    public async Task The_default_is_the_local_transport_with_its_file_in_the_data_directory()
    {
        var transport = Create(new() { ["Mash:DataDirectory"] = _temp.Path });

        await using var local = Assert.IsType<LocalFileTransport>(transport);
        Assert.True(Directory.Exists(Path.Combine(_temp.Path, "bus")));
    }

    [Fact]
    public async Task Service_bus_is_chosen_by_configuration_with_a_connection_string()
    {
        var transport = Create(new()
        {
            ["Mash:Eventing:Transport"] = "ServiceBus",
            ["Mash:Eventing:ServiceBusConnectionString"] = "Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;",
        });

        await using var serviceBus = Assert.IsType<ServiceBusTransport>(transport);
    }

    [Theory]
    [InlineData("ServiceBus", "ServiceBusNamespace")]
    [InlineData("Kafka", "not known")]
    public void A_transport_that_cannot_work_stops_the_service_with_a_clear_message(string transport, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Create(new() { ["Mash:Eventing:Transport"] = transport }));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
