using Mash.Platform.Eventing.ServiceBus;
using Mash.Platform.Eventing.Transport;

namespace Mash.Platform.ServiceBus.Tests;

public sealed class ConstructionTests
{
    [Fact]
    public void Options_without_a_connection_string_or_a_namespace_and_credential_are_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new ServiceBusTransport(new ServiceBusTransportOptions { FullyQualifiedNamespace = "mash.servicebus.windows.net" }));

        Assert.Contains("ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transport_built_from_a_connection_string_owns_its_client_and_connects_only_when_used()
    {
        // Nothing here opens a link, so the offline namespace is never contacted.
        var transport = new ServiceBusTransport(new ServiceBusTransportOptions { ConnectionString = Fakes.OfflineConnectionString });
        var processor = transport.CreateProcessor(new Subscription("cse-flags", "assessment-social-care"), (_, _) => Task.CompletedTask, new ProcessorOptions());
        _ = transport.DeadLetters(new Subscription("cse-flags", "assessment-social-care"));

        await processor.DisposeAsync();
        await transport.DisposeAsync();
    }
}
