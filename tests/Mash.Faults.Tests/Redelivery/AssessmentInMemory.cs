extern alias AssessmentHost;

using AssessmentHost::Mash.Assessment.Data;
using Mash.Contracts.Assessment.V1;
using Mash.Platform.Auth;
using Mash.Platform.Identity;
using Mash.Testing;
using Microsoft.AspNetCore.Hosting;

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
}
