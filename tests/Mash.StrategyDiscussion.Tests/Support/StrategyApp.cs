using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Strategy.V1;
using Mash.Platform.Auth;
using Mash.Platform.Eventing;
using Mash.StrategyDiscussion.Data;
using Mash.Testing.Eventing;

namespace Mash.StrategyDiscussion.Tests.Support;

/// <summary>
/// The StrategyDiscussion service of a police node in memory, with its real SQLite file, trusting
/// <see cref="TestTokens"/>, on a clock the test moves, with a <see cref="RecordingTransport"/> for a broker.
/// </summary>
public class StrategyApp() : ServiceApp<Program, StrategyDbContext>(NodeId, MondayMorning, "mash-strategy-tests-")
{
    public const string NodeId = "local-police";
    public const string Purpose = "MASH strategy discussion";
    public static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The tests' social care node (receipts come from it).</summary>
    protected override string SharingPartnerNode => "worcestershire-social-care";

    /// <summary>Every Strategy role unless named.</summary>
    protected override IEnumerable<string> DefaultRoles => MashRoles.Strategy;
    protected override string CallerPurpose => Purpose;

    internal StrategyDiscussionService.StrategyDiscussionServiceClient Client() => new(Channel);

    /// <summary>The platform's DeliveryService, for what this service shared.</summary>
    internal DeliveryService.DeliveryServiceClient Deliveries() => new(Channel);

    /// <summary>This node's Assessment service saying a discussion is required, delivered through the consumer.</summary>
    internal Task<RecordedDelivery> DeliverTriggerAsync(StrategyDiscussionTriggered trigger) =>
        DeliverAsync(Topics.StrategyTriggers, Envelopes.For(trigger, ChildKey(trigger.Child), NodeId, Agency.Police, Clock.GetUtcNow(), LawfulBasis.SafeguardingOfChildren));

    /// <summary>A partner node's concluded discussion about the child, delivered through the consumer.</summary>
    internal Task<RecordedDelivery> DeliverPartnerAsync(StrategyDiscussionConcluded concluded, ChildIdentity child, string originNode, Agency originAgency) =>
        DeliverAsync(Topics.StrategyDiscussions, Envelopes.For(concluded, ChildKey(child), originNode, originAgency, Clock.GetUtcNow(), LawfulBasis.SafeguardingOfChildren));
}

/// <summary>The same service on a database of its own on the test assembly's PostgreSQL server.</summary>
public sealed class StrategyPostgreSqlApp : StrategyApp
{
    public StrategyPostgreSqlApp() => UsePostgreSql("strategy");
}
