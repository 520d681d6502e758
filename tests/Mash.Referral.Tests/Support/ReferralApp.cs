using Grpc.Core;
using Grpc.Net.Client;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Auth;
using Mash.Platform.Persistence;
using Mash.Referral.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mash.Referral.Tests.Support;

/// <summary>
/// The Referral service in memory with its real SQLite file, trusting <see cref="TestTokens"/>
/// and running on a clock the test moves.
/// </summary>
internal sealed class ReferralApp : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private GrpcChannel? _channel;

    public ReferralApp(string? dataDirectory = null, TestTokens? tokens = null)
    {
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("mash-referral-tests-").FullName;
        Tokens = tokens ?? new TestTokens();
    }

    public string DataDirectory { get; }
    public TestTokens Tokens { get; }
    public FakeTimeProvider Clock { get; } = new(MondayMorning);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Mash:DataDirectory", DataDirectory);
        builder.UseSetting("Mash:Eventing:LocalPath", Path.Combine(DataDirectory, "bus", "mash-bus.db"));
        builder.TrustTestTokens(Tokens);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public ReferralService.ReferralServiceClient Client()
    {
        _channel ??= GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });
        return new ReferralService.ReferralServiceClient(_channel);
    }

    public Metadata As(string clientId, string agency = AgencyNames.Police, params string[] roles)
    {
        var token = Tokens.Mint(clientId, agency, roles.Length > 0 ? roles : MashRoles.Referral);
        return new Metadata
        {
            { "authorization", "Bearer " + token },
            { "x-mash-purpose", "MASH screening" },
            { "x-mash-lawful-basis", "LAWFUL_BASIS_PUBLIC_TASK" },
        };
    }

    public async Task<T> WithDbAsync<T>(Func<ReferralDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
        return await query(db);
    }

    public Task<int> CountReferralsAsync() => WithDbAsync(db => db.Referrals.CountAsync());

    protected override void Dispose(bool disposing)
    {
        _channel?.Dispose();
        base.Dispose(disposing);
    }
}
