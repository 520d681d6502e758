using Grpc.Core;
using Grpc.Net.Client;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Offender.V1;
using Mash.Offender.Data;
using Mash.Platform.Auth;
using Mash.Platform.Eventing.Transport;
using Mash.Platform.Identity;
using Mash.Testing.Eventing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mash.Offender.Tests.Support;

/// <summary>
/// The Offender service of a police node in memory, with its real SQLite file, trusting
/// <see cref="TestTokens"/>, on a clock the test moves, with a <see cref="RecordingTransport"/> for a broker.
/// </summary>
public sealed class OffenderApp : WebApplicationFactory<Program>
{
    public const string NodeId = "west-mercia-police";
    public const string Purpose = "Managing a registered offender";
    /// <summary>Shared with the partner node of the cross-node test, as every node of a partnership shares it.</summary>
    public const string PartnershipSecret = "test-partnership-secret";
    /// <summary>Monday 23 November 2026, 10:00 in London.</summary>
    public static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 11, 23);

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("mash-offender-tests-").FullName;
    private GrpcChannel? _channel;

    internal TestTokens Tokens { get; } = new();
    public FakeTimeProvider Clock { get; } = new(MondayMorning);
    internal RecordingTransport Transport { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Mash:DataDirectory", _dataDirectory);
        builder.UseSetting("Mash:Node:Id", NodeId);
        builder.UseSetting("Mash:Node:Agency", AgencyNames.Police);
        builder.UseSetting(Platform.Identity.PartnershipSecret.Key, PartnershipSecret);
        builder.TrustTestTokens(Tokens);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IMessageTransport>(Transport);
        });
    }

    internal OffenderService.OffenderServiceClient Client()
    {
        _channel ??= GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });
        return new OffenderService.OffenderServiceClient(_channel);
    }

    /// <summary>A caller's metadata: its token (police, managing and reading, unless named) and a stated purpose.</summary>
    internal Metadata As(string clientId = "police-mash", string agency = AgencyNames.Police, params string[] roles) => new()
    {
        { "authorization", "Bearer " + Tokens.Mint(clientId, agency, roles.Length > 0 ? roles : [MashRoles.OffenderManage, MashRoles.OffenderRead]) },
        { "x-mash-purpose", Purpose },
        { "x-mash-lawful-basis", "LAWFUL_BASIS_LAW_ENFORCEMENT" },
    };

    /// <summary>A neighbourhood officer, or another agency: the summary view only.</summary>
    internal Metadata AsSummaryReader(string clientId = "health-mash", string agency = AgencyNames.Health) =>
        As(clientId, agency, MashRoles.OffenderReadSummary);

    public string ChildKey(ChildIdentity child) => Services.GetRequiredService<ChildKeyHasher>().KeyFor(child);

    internal async Task<T> WithDbAsync<T>(Func<OffenderDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<OffenderDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        _channel?.Dispose();
        Tokens.Dispose();
        base.Dispose(disposing);
    }
}
