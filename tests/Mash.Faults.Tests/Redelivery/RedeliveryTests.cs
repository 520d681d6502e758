extern alias AssessmentHost;

using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Faults.Tests.Support;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Inbox;
using Mash.Testing.Eventing;
using Mash.Testing.Nodes;
using Mash.Testing.Postgres;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Mash.Faults.Tests.Redelivery;

public sealed class RedeliverySqliteTests(ITestOutputHelper output) : RedeliveryTests(onPostgreSql: false, output);

public sealed class RedeliveryPostgreSqlTests(ITestOutputHelper output) : RedeliveryTests(onPostgreSql: true, output);

/// <summary>
/// Assessment's consumer (inbox, handlers, audit) on a real database: each event delivered 2 to
/// 10 times, copies coming after later events, children and topics interleaved, concurrently
/// across sessions, must leave exactly the state one delivery of each leaves.
/// </summary>
public abstract class RedeliveryTests(bool onPostgreSql, ITestOutputHelper output)
{
    private const int Children = 6;
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task Events_delivered_2_to_10_times_and_out_of_order_leave_the_state_of_a_single_delivery()
    {
        if (onPostgreSql)
        {
            PostgresServer.Require();
        }

        var random = FaultSeed.Next(output, GetType().Name);
        using var once = new AssessmentInMemory(onPostgreSql);
        using var redelivered = new AssessmentInMemory(onPostgreSql);
        var children = Enumerable.Range(0, Children).Select(_ => TestChildren.New()).ToList();
        var sessions = children.SelectMany((child, i) => SessionsAbout(child, once.ChildKey(child), i)).ToList();

        foreach (var (topic, session) in sessions)
        {
            foreach (var envelope in session)
            {
                Assert.Equal("completed", (await once.DeliverAsync(topic, envelope)).Settlement);
            }
        }

        var plans = sessions.Select(s => (s.Topic, Plan: DeliveryPlan.Redelivered(s.Events, random))).ToList();
        // One task per session, as a broker hands each session to one handler at a time.
        var settlements = await Task.WhenAll(plans.Select(p => Task.Run(async () =>
        {
            var settled = new List<string>();
            foreach (var (envelope, deliveryCount) in p.Plan)
            {
                settled.Add((await redelivered.DeliverAsync(p.Topic, envelope, deliveryCount)).Settlement);
            }

            return settled;
        })));
        output.WriteLine($"{sessions.Sum(s => s.Events.Count)} events in {sessions.Count} sessions; delivered {plans.Sum(p => p.Plan.Count)} times in all, " +
            $"{plans.Sum(p => CopiesAfterALaterEvent(p.Plan))} copies after a later event of their session");

        Assert.All(settlements.SelectMany(s => s), s => Assert.Equal("completed", s));
        Assert.Equal(await StateAsync(once), await StateAsync(redelivered));
        foreach (var child in children)
        {
            Assert.Equal(await ProfileAsync(once, child), await ProfileAsync(redelivered, child));
        }
    }

    private static int CopiesAfterALaterEvent(List<(EventEnvelope Message, int DeliveryCount)> plan)
    {
        var order = plan.Where(d => d.DeliveryCount == 1).Select((d, i) => (d.Message, i)).ToDictionary(x => x.Message, x => x.i);
        var firstSeenAt = plan.Select((d, at) => (d, at)).Where(x => x.d.DeliveryCount == 1).ToDictionary(x => x.d.Message, x => x.at);
        return plan.Select((d, at) => (d, at)).Count(x => x.d.DeliveryCount > 1
            && firstSeenAt.Any(later => order[later.Key] > order[x.d.Message] && later.Value < x.at));
    }

    /// <summary>One child's events: its referral decided on this node, and a partner's flag raised, reviewed, risk assessed, reviewed again, cleared.</summary>
    private static IEnumerable<(string Topic, List<EventEnvelope> Events)> SessionsAbout(ChildIdentity child, string childKey, int index)
    {
        var at = Start.AddHours(index);
        var referral = new ReferralDecided
        {
            ReferralId = $"ref_fault_{index}",
            Child = child,
            ReceivedAt = Timestamp.FromDateTimeOffset(at),
            Area = "default",
            ConcernSummary = "Missing overnight twice this month.",
            ReferringAgency = Agency.Police,
            Outcome = Contracts.Referral.V1.ReferralOutcome.ChildInNeedAssessment,
            DecidedAt = Timestamp.FromDateTimeOffset(at.AddMinutes(30)),
            AssessmentRequired = true,
        };
        yield return (Topics.Referrals, [Envelope(referral, childKey, AssessmentInMemory.NodeId, at)]);

        var flag = $"flag_fault_{index}";
        CseFlagChanged Flag(FlagAction action, CseRisk risk) => new() { FlagId = flag, Action = action, Risk = risk, Reason = $"{action} at {risk}" };
        yield return (Topics.CseFlags,
        [
            Envelope(Flag(FlagAction.Raised, CseRisk.Medium), childKey, AssessmentInMemory.PartnerNode, at.AddMinutes(1)),
            Envelope(Flag(FlagAction.Reviewed, CseRisk.High), childKey, AssessmentInMemory.PartnerNode, at.AddMinutes(2)),
            Envelope(Flag(FlagAction.Reviewed, CseRisk.Low), childKey, AssessmentInMemory.PartnerNode, at.AddMinutes(4)),
            Envelope(Flag(FlagAction.Cleared, CseRisk.Low), childKey, AssessmentInMemory.PartnerNode, at.AddMinutes(5)),
        ]);
        yield return (Topics.RiskChanges,
        [
            Envelope(new RiskLevelChanged { Level = RiskLevel.High }, childKey, AssessmentInMemory.PartnerNode, at.AddMinutes(3)),
            Envelope(new RiskLevelChanged { Level = RiskLevel.Medium }, childKey, AssessmentInMemory.PartnerNode, at.AddMinutes(6)),
        ]);
    }

    private static EventEnvelope Envelope(IMessage payload, string childKey, string originNode, DateTimeOffset at) =>
        Envelopes.For(payload, childKey, originNode, Agency.Police, at, LawfulBasis.SafeguardingOfChildren);

    /// <summary>What the deliveries left, without what is generated per instance (ids, arrival sequence).</summary>
    private static Task<List<string>> StateAsync(AssessmentInMemory app) => app.WithDbAsync(async db =>
    {
        var assessments = (await db.Assessments.AsNoTracking().ToListAsync())
            .Select(a => $"assessment {a.ReferralId} {a.ChildKey} {a.Status} {a.StartedAt:O} {a.DueAt:O} {a.SourceEventId} {a.Area}").Order();
        var partner = (await db.PartnerRisks.AsNoTracking().ToListAsync())
            .Select(p => $"partner {p.EventId} {p.ChildKey} {p.Kind} {p.FlagId} {p.FlagAction} {p.CseRisk} {p.RiskLevel} {p.OccurredAt:O} {p.ReceivedAt:O} {Convert.ToBase64String(p.Payload)}").Order();
        var inbox = (await db.Set<ProcessedEvent>().AsNoTracking().ToListAsync()).Select(e => $"inbox {e.EventId} {e.Subscription} {e.Type}").Order();
        var audit = (await db.Set<Mash.Platform.Audit.AuditEntry>().AsNoTracking().ToListAsync())
            .GroupBy(e => $"{e.ChildKey} {e.Method} {e.Outcome} {e.ClientId}").Select(g => $"audit {g.Key} x{g.Count()}").Order();
        return assessments.Concat(partner).Concat(inbox).Concat(audit).ToList();
    });

    private static async Task<string> ProfileAsync(AssessmentInMemory app, ChildIdentity child) =>
        (await app.Client().GetChildRiskProfileAsync(new GetChildRiskProfileRequest { Child = child }, app.As())).ToString();
}
