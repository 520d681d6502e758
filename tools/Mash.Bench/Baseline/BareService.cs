using System.Diagnostics;
using Grpc.Net.Client;
using Mash.Bench.Load;
using Mash.Bench.Scenarios;
using Mash.Contracts.Referral.V1;

namespace Mash.Bench.Baseline;

/// <summary>
/// The bare gRPC service's process, kept for the whole run so a scenario can measure it in turns with the node
/// (<see cref="Alternated"/>), through the same client and requests as the baseline's phase.
/// </summary>
public sealed class BareService : IAsyncDisposable
{
    private static readonly GetReferralRequest ConstantRead = new() { ReferralId = "ref_" + new string('0', 32) };
    private readonly Process _process;
    private readonly GrpcChannel _channel;
    private readonly ReferralService.ReferralServiceClient _client;

    private BareService(Process process, string address)
    {
        _process = process;
        _channel = GrpcChannel.ForAddress(address);
        _client = new ReferralService.ReferralServiceClient(_channel);
    }

    public static async Task<BareService> StartAsync()
    {
        var (process, address) = await Baseline.BareGrpcServer.StartAsync();
        return new BareService(process, address);
    }

    public async Task ReadAsync(CancellationToken cancellationToken) =>
        await _client.GetReferralAsync(ConstantRead, cancellationToken: cancellationToken);

    public async Task SubmitAsync(CancellationToken cancellationToken) =>
        await _client.SubmitReferralAsync(BenchContext.NewReferral(), cancellationToken: cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
