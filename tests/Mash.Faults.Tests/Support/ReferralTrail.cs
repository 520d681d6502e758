using Mash.Contracts.Events.V1;
using Mash.Testing.Nodes;

namespace Mash.Faults.Tests.Support;

/// <summary>
/// Where each referral went, read from the node's files: stored by Referral (by idempotency key),
/// its ReferralReceived event in Referral's outbox, and what Assessment (the consumer) made of it.
/// </summary>
public sealed record ReferralTrail(
    IReadOnlyList<(string Key, string ReferralId)> Stored,
    IReadOnlyList<(string EventId, string ReferralId, bool Published)> Events,
    IReadOnlyList<(string ReferralId, string SourceEventId)> AssessmentsInArrivalOrder,
    IReadOnlyList<string> AppliedEventIds)
{
    private const string ReferralReceived = "mash.events.v1.ReferralReceived";

    public static async Task<ReferralTrail> ReadAsync(FaultNode node) => new(
        await node.Referral.QueryAsync("SELECT IdempotencyKey, Id FROM Referrals", r => (r.GetString(0), r.GetString(1))),
        await node.Referral.QueryAsync(
            $"SELECT EventId, Envelope, PublishedAt IS NOT NULL FROM Outbox WHERE Type = '{ReferralReceived}'",
            r => (r.GetString(0), EventEnvelope.Parser.ParseFrom(r.GetFieldValue<byte[]>(1)).Payload.Unpack<Mash.Contracts.Events.V1.ReferralReceived>().ReferralId, r.GetBoolean(2))),
        // rowid: the order Assessment inserted them, i.e. the order it applied the events.
        await node.Assessment.QueryAsync("SELECT ReferralId, SourceEventId FROM Assessments ORDER BY rowid", r => (r.GetString(0), r.GetString(1))),
        await node.Assessment.QueryAsync($"SELECT EventId FROM Inbox WHERE Type = '{ReferralReceived}'", r => r.GetString(0)));

    /// <summary>
    /// Waits until at least <paramref name="acknowledged"/> events are committed and every committed event is
    /// published and applied (or the time is up, and the assertions say what is missing). Waiting for the
    /// acknowledged count, not only for "nothing pending", keeps a slow reader from declaring a partial trail settled.
    /// </summary>
    public static async Task<ReferralTrail> SettledAsync(FaultNode node, TimeSpan timeout, int acknowledged = 1)
    {
        var last = await ReadAsync(node);
        try
        {
            return await Eventually.Get(async () =>
            {
                last = await ReadAsync(node);
                return last.Events.Count >= acknowledged && last.Events.All(e => e.Published) && last.AppliedEventIds.Count >= last.Events.Count ? last : null;
            }, timeout, "every committed ReferralReceived to be published and applied");
        }
        catch (TimeoutException)
        {
            return last;
        }
    }
}
