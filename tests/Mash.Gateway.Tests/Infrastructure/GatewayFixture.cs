namespace Mash.Gateway.Tests.Infrastructure;

/// <summary>One fake referral backend and one gateway in front of it, shared by a test class.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private readonly string _data = TempDirectory.Create();
    private FakeReferralBackend? _backend;
    private GatewayHost? _gateway;

    internal FakeReferralBackend Backend => _backend!;
    internal GatewayHost Gateway => _gateway!;

    public async Task InitializeAsync()
    {
        _backend = await FakeReferralBackend.StartAsync();
        _gateway = GatewayHost.Start(_data, _backend.Address, new Dictionary<string, string?>
        {
            // One configured header on top of the built-in list, to prove the list can grow.
            ["Mash:Gateway:StrippedRequestHeaders:0"] = "x-partner-user*",
        });
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_backend is not null)
        {
            await _backend.DisposeAsync();
        }

        TempDirectory.Delete(_data);
    }
}
