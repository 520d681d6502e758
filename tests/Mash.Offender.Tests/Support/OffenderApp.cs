using Grpc.Core;
using Mash.Contracts.Offender.V1;
using Mash.Offender.Data;
using Mash.Platform.Auth;
using Mash.Testing.Eventing;
using Microsoft.AspNetCore.Hosting;

namespace Mash.Offender.Tests.Support;

/// <summary>
/// The Offender service of a police node in memory, with its real SQLite file, trusting
/// <see cref="TestTokens"/>, on a clock the test moves, with a <see cref="RecordingTransport"/> for a broker.
/// </summary>
public class OffenderApp() : ServiceApp<Program, OffenderDbContext>(NodeId, MondayMorning, "mash-offender-tests-")
{
    public const string NodeId = "west-mercia-police";
    public const string Purpose = "Managing a registered offender";
    /// <summary>Shared with the partner node of the cross-node test, as every node of a partnership shares it.</summary>
    public const string PartnershipSecret = "test-partnership-secret";
    /// <summary>Monday 23 November 2026, 10:00 in London.</summary>
    public static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 11, 23);

    /// <summary>Police, managing and reading, unless named.</summary>
    protected override string DefaultClientId => "police-mash";
    protected override string DefaultAgency => AgencyNames.Police;
    protected override IEnumerable<string> DefaultRoles => [MashRoles.OffenderManage, MashRoles.OffenderRead];
    protected override string CallerPurpose => Purpose;
    protected override string CallerLawfulBasis => "LAWFUL_BASIS_LAW_ENFORCEMENT";

    protected override void ConfigureSettings(IWebHostBuilder builder) =>
        builder.UseSetting(Platform.Identity.PartnershipSecret.Key, PartnershipSecret);

    internal OffenderService.OffenderServiceClient Client() => new(Channel);

    /// <summary>What operations list and replay: the events this service could not apply.</summary>
    internal Contracts.Events.V1.DeadLetterService.DeadLetterServiceClient DeadLetters() => new(Channel);

    /// <summary>A neighbourhood officer, or another agency: the summary view only.</summary>
    internal Metadata AsSummaryReader(string clientId = "health-mash", string agency = AgencyNames.Health) =>
        As(clientId, agency, MashRoles.OffenderReadSummary);
}

/// <summary>The same service on a database of its own on the test assembly's PostgreSQL server.</summary>
public sealed class OffenderPostgreSqlApp : OffenderApp
{
    public OffenderPostgreSqlApp() => UsePostgreSql("offender");
}
