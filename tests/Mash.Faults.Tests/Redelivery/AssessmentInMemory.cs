extern alias AssessmentHost;

using AssessmentHost::Mash.Assessment.Data;
using Mash.Contracts.Assessment.V1;
using Mash.Platform.Auth;
using Mash.Platform.Identity;
using Mash.Testing;
using Mash.Platform.Eventing.Local;
using Mash.Platform.Eventing.Transport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mash.Faults.Tests.Redelivery;

/// <summary>
/// The Assessment service in memory on its real database (its SQLite file, or a PostgreSQL
/// database of its own), its consumer fed by the test. Every instance shares one partnership
/// secret, so a child has the same key in each and their states can be compared.
/// </summary>
public class AssessmentInMemory : ServiceApp<AssessmentHost::Program, AssessmentDbContext>
{
    public const string NodeId = "local-social-care";
    public const string PartnerNode = "local-police";

    public AssessmentInMemory(bool onPostgreSql = false)
        : base(NodeId, new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), "mash-faults-assessment-")
    {
        if (onPostgreSql)
        {
            UsePostgreSql("assessment");
        }
    }

    protected override IEnumerable<string> DefaultRoles => MashRoles.Assessment;
    protected override string CallerPurpose => "MASH assessment";

    public AssessmentService.AssessmentServiceClient Client() => new(Channel);

    protected override void ConfigureSettings(IWebHostBuilder builder) =>
        builder.UseSetting(PartnershipSecret.Key, "fault-tests-partnership-secret-of-at-least-32-characters");

    /// <summary>Instead of the broker stand-in, the real local transport on a file in the data directory.</summary>
    public sealed class OnLocalBus(int maxDeliveryCount) : AssessmentInMemory
    {
        public string BusPath => Path.Combine(DataDirectory, "bus", "mash-bus.db");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Mash:Eventing:MaxDeliveryCount", maxDeliveryCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.ConfigureTestServices(services => services.AddSingleton<IMessageTransport>(sp =>
                new LocalFileTransport(new LocalTransportOptions { Path = BusPath }, sp.GetRequiredService<ILogger<LocalFileTransport>>(), TimeProvider.System)));
        }
    }
}
