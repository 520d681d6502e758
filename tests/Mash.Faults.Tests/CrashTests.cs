using System.Collections.Concurrent;
using System.Diagnostics;
using Mash.Faults.Tests.Support;
using Mash.Node.Hosting;
using Mash.Testing.Nodes;
using Xunit.Abstractions;

namespace Mash.Faults.Tests;

/// <summary>
/// kill -9 of the police node's Referral service (and once of the front door's, its events' consumer)
/// at random moments while partners submit keyed referrals at the police node and retry on failure, as
/// the API asks them to; each referral must reach the MASH front door once, and its receipt come back.
/// </summary>
[Collection(RealNodesCollection.Name)]
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Submissions = 1200;
    private const int ConcurrentPartners = 16;
    private const int Children = 250;
    private const int ReferralKills = 3;

    [Fact]
    public async Task After_kill_9_every_acknowledged_referral_exists_once_and_reached_the_front_door_once_with_its_receipt_back()
    {
        // A guard against a hung run, not a speed target: on 2 cores with the other real-node suites beside it, 1,200 submissions through three kills once took past 150 s.
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(300));
        var random = FaultSeed.Next(output, nameof(CrashTests));
        var children = ReferralLoad.Children(Children);
        var requests = Enumerable.Range(0, Submissions)
            .Select(i => ReferralLoad.About(children[random.Next(Children)], $"crash-{i:D4}"))
            .ToArray();
        var faults = Schedule(random);

        await using var nodes = await FaultNodes.StartAsync();
        var partner = new Partner(nodes.Police);
        await partner.SignInAsync();
        var acknowledged = new ConcurrentDictionary<string, string>();
        var replays = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();

        async Task SubmitAllAsync()
        {
            for (var i = Interlocked.Increment(ref next); i < Submissions; i = Interlocked.Increment(ref next))
            {
                var reply = await partner.SubmitUntilAnsweredAsync(requests[i], bound.Token);
                Assert.True(acknowledged.TryAdd(requests[i].IdempotencyKey, reply.Referral.ReferralId));
                if (reply.Replayed)
                {
                    Interlocked.Increment(ref replays);
                }
            }
        }

        var load = Task.WhenAll(Enumerable.Range(0, ConcurrentPartners).Select(_ => Task.Run(SubmitAllAsync)));
        var killer = InjectAsync(nodes, faults, () => acknowledged.Count, load, bound.Token);
        await load;
        var kills = await killer;
        var submitted = clock.Elapsed;

        var trail = await ReferralTrail.SettledAsync(nodes, TimeSpan.FromSeconds(60), Submissions);
        output.WriteLine($"{Submissions} acknowledged in {submitted.TotalSeconds:0.0} s ({Submissions / submitted.TotalSeconds:0} per s), " +
            $"{replays} answered as replays of a request committed before a crash; retries by status: " +
            string.Join(", ", partner.Retries.Select(r => $"{r.Key} {r.Value}")));
        output.WriteLine($"faults injected: {string.Join("; ", kills)}; all referrals at the front door and every receipt back {clock.Elapsed.TotalSeconds:0.0} s after the start");

        Assert.True(kills.Count(k => k.Node == nodes.Police.Options.NodeId) >= ReferralKills, "too few kills landed during the load");
        AssertEachAcknowledgedReferralStoredOnce(acknowledged, trail);
        AssertEachReferralHasOneEventAppliedOnce(trail);
    }

    private static void AssertEachAcknowledgedReferralStoredOnce(ConcurrentDictionary<string, string> acknowledged, ReferralTrail trail)
    {
        var duplicated = trail.Stored.GroupBy(s => s.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicated.Count == 0, $"keys stored more than once: {string.Join(", ", duplicated.Take(10))}");
        var stored = trail.Stored.ToDictionary(s => s.Key, s => s.ReferralId);
        var lost = acknowledged.Where(a => stored.GetValueOrDefault(a.Key) != a.Value).Select(a => a.Key).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} acknowledged referrals missing or stored under another id, e.g. {string.Join(", ", lost.Take(10))}");
        var unacknowledged = trail.Stored.Where(s => !acknowledged.ContainsKey(s.Key)).Select(s => s.Key).ToList();
        Assert.True(unacknowledged.Count == 0, $"{unacknowledged.Count} referrals stored that no partner was told about, e.g. {string.Join(", ", unacknowledged.Take(10))}");
    }

    private static void AssertEachReferralHasOneEventAppliedOnce(ReferralTrail trail)
    {
        var referrals = trail.Stored.Select(s => s.ReferralId).ToHashSet();
        var events = trail.Events.ToDictionary(e => e.EventId);
        Assert.Equal(trail.Events.Count, events.Count);
        Assert.True(referrals.SetEquals(trail.Events.Select(e => e.ReferralId)), "a stored referral without its event, or an event without its referral");
        Assert.Equal(referrals.Count, trail.Events.Count); // one event per referral, committed with it

        var unpublished = trail.Events.Count(e => !e.Published);
        Assert.True(unpublished == 0, $"{unpublished} committed events never published");
        var applied = trail.AppliedEventIds.ToHashSet();
        Assert.Equal(trail.AppliedEventIds.Count, applied.Count);
        Assert.True(applied.SetEquals(events.Keys), $"the front door applied {applied.Count} events; {events.Keys.Except(applied).Count()} committed events missing, {applied.Except(events.Keys).Count()} unknown");

        var queuedTwice = trail.ArrivalsAtFrontDoorInOrder.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(queuedTwice.Count == 0, $"referrals queued more than once at the front door: {string.Join(", ", queuedTwice.Take(10))}");
        Assert.True(referrals.SetEquals(trail.ArrivalsAtFrontDoorInOrder), "the front door's queue is not the referrals acknowledged at the police node");
        Assert.Equal(referrals.Count, trail.Acknowledged); // every receipt came back to the referrer's copy
    }

    /// <summary>When to kill what: at random points of the load, the kills of Referral spread over it.</summary>
    private static List<Fault> Schedule(Random random)
    {
        var faults = Enumerable.Range(0, ReferralKills + 1)
            .Select(k => new Fault(Submissions * (5 + 20 * k + random.Next(15)) / 100, random.Next(200), random.Next(500), ServiceSpec.Referral))
            .ToList();
        faults.Insert(random.Next(1, faults.Count), new Fault(0, random.Next(200), random.Next(500), ServiceSpec.Referral, AtFrontDoor: true));
        for (var i = 1; i < faults.Count; i++)
        {
            // The front door's kill lands between two of the police node's.
            faults[i] = faults[i] with { AfterAcknowledged = Math.Max(faults[i].AfterAcknowledged, faults[i - 1].AfterAcknowledged) };
        }

        return faults;
    }

    private static async Task<List<(string Node, string Service, int Acknowledged)>> InjectAsync(
        FaultNodes nodes, List<Fault> faults, Func<int> acknowledged, Task load, CancellationToken cancellationToken)
    {
        var injected = new List<(string, string, int)>();
        var restarts = new List<Task>();
        foreach (var (after, delayMs, downMs, service, atFrontDoor) in faults)
        {
            var node = atFrontDoor ? nodes.SocialCare : nodes.Police;
            while (acknowledged() < after && !load.IsCompleted)
            {
                await Task.Delay(5, cancellationToken);
            }

            await Task.Delay(delayMs, cancellationToken);
            if (load.IsCompleted)
            {
                break;
            }

            injected.Add((node.Options.NodeId, service.Name, acknowledged()));
            await FaultNodes.KillAsync(node, service);
            var restart = RestartAfterAsync(node, service, downMs, cancellationToken);
            if (!atFrontDoor)
            {
                await restart; // submissions wait for it anyway
            }
            else
            {
                // The load goes on while the consumer is down and starting again (seconds): waiting
                // here let a fast node finish before the next kill of Referral could land.
                restarts.Add(restart);
            }
        }

        await Task.WhenAll(restarts);
        return injected;
    }

    private static async Task RestartAfterAsync(NodeClient node, ServiceSpec service, int downMs, CancellationToken cancellationToken)
    {
        await Task.Delay(downMs, cancellationToken);
        await FaultNodes.RestartAsync(node, service);
    }

    /// <summary>Kill the service (of the police node, or the front door's) once the load has this many acknowledgements, a little later; restart it after a while down.</summary>
    private sealed record Fault(int AfterAcknowledged, int DelayMs, int DownMs, ServiceSpec Service, bool AtFrontDoor = false);
}
