using Mash.Contracts.Events.V1;
using Mash.Testing.Nodes;

namespace Mash.Faults.Tests.Support;

/// <summary>
/// Where each referral went, read from the nodes' files: stored at the police node (by idempotency
/// key), its ReferralSentToFrontDoor event in that node's outbox, what the front door at the social
/// care node made of it, and whether the front door's receipt came back.
/// </summary>
public sealed record ReferralTrail(
    IReadOnlyList<(string Key, string ReferralId)> Stored,
    IReadOnlyList<(string EventId, string ReferralId, bool Published)> Events,
    IReadOnlyList<string> ArrivalsAtFrontDoorInOrder,
    IReadOnlyList<string> AppliedEventIds,
    long Acknowledged)
{
    private const string SentToFrontDoor = "mash.events.v1.ReferralSentToFrontDoor";

    public static async Task<ReferralTrail> ReadAsync(FaultNodes nodes) => new(
        await nodes.PoliceReferral.QueryAsync("SELECT IdempotencyKey, Id FROM Referrals WHERE OriginNode = ''", r => (r.GetString(0), r.GetString(1))),
        await nodes.PoliceReferral.QueryAsync(
            $"SELECT EventId, Envelope, PublishedAt IS NOT NULL FROM Outbox WHERE Type = '{SentToFrontDoor}'",
            r => (r.GetString(0), EventEnvelope.Parser.ParseFrom(r.GetFieldValue<byte[]>(1)).Payload.Unpack<ReferralSentToFrontDoor>().ReferralId, r.GetBoolean(2))),
        // rowid: the order the front door inserted them, i.e. the order it applied the events.
        await nodes.FrontDoorReferral.QueryAsync("SELECT Id FROM Referrals WHERE OriginNode <> '' ORDER BY rowid", r => r.GetString(0)),
        await nodes.FrontDoorReferral.QueryAsync($"SELECT EventId FROM Inbox WHERE Type = '{SentToFrontDoor}'", r => r.GetString(0)),
        await nodes.PoliceReferral.CountAsync("SELECT COUNT(*) FROM Referrals WHERE OriginNode = '' AND AcknowledgedAt IS NOT NULL"));

    /// <summary>
    /// Waits until at least <paramref name="acknowledged"/> events are committed, every committed event is
    /// published and applied at the front door, and every receipt is back (or the time is up, and the
    /// assertions say what is missing). Waiting for the acknowledged count, not only for "nothing pending",
    /// keeps a slow reader from declaring a partial trail settled.
    /// </summary>
    public static async Task<ReferralTrail> SettledAsync(FaultNodes nodes, TimeSpan timeout, int acknowledged = 1)
    {
        var last = await ReadAsync(nodes);
        try
        {
            return await Eventually.Get(async () =>
            {
                last = await ReadAsync(nodes);
                return last.Events.Count >= acknowledged && last.Events.All(e => e.Published) && last.AppliedEventIds.Count >= last.Events.Count
                    && last.Acknowledged >= last.Stored.Count ? last : null;
            }, timeout, "every committed referral to reach the front door and its receipt to come back");
        }
        catch (TimeoutException)
        {
            return last;
        }
    }
}
