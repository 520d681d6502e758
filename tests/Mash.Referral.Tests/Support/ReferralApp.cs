using Grpc.Core;
using Grpc.Net.Client;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Auth;
using Mash.Platform.Persistence;
using Mash.Referral.Data;
using Mash.Testing.Postgres;
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
    private readonly PostgresDatabase? _postgres;

    /// <param name="dataDirectory">The data directory, or null for a new temporary one.</param>
    /// <param name="tokens">The tokens to trust, or null for the app's own.</param>
    /// <param name="postgres">A PostgreSQL database to run on instead of the SQLite file.</param>
    public ReferralApp(string? dataDirectory = null, TestTokens? tokens = null, PostgresDatabase? postgres = null)
    {
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("mash-referral-tests-").FullName;
        Tokens = tokens ?? new TestTokens();
        _postgres = postgres;
    }

    /// <summary>The service on a new database of the test assembly's PostgreSQL server (disposed with the app).</summary>
    public static ReferralApp OnPostgreSql() =>
        new(postgres: PostgresServer.Require().CreateDatabaseAsync("mash_referral").GetAwaiter().GetResult());

    public string DataDirectory { get; }
    public TestTokens Tokens { get; }
    public FakeTimeProvider Clock { get; } = new(MondayMorning);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Mash:DataDirectory", DataDirectory);
        builder.UseSetting("Mash:Eventing:LocalPath", Path.Combine(DataDirectory, "bus", "mash-bus.db"));
        if (_postgres is not null)
        {
            builder.UseSetting(DatabaseSettings.ProviderKey, nameof(DatabaseProvider.PostgreSql));
            builder.UseSetting("ConnectionStrings:" + ReferralServiceSetup.DatabaseName, _postgres.ConnectionString);
        }
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
        _postgres?.Dispose();
    }
}
