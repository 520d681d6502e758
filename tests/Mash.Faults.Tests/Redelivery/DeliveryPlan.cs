namespace Mash.Faults.Tests.Redelivery;

/// <summary>
/// How a broker may redeliver one session's messages (one child's events on one topic). A
/// session is handed out one message at a time in send order, so a message is never first seen
/// before an earlier one; but a copy may come again at any later point: after its lock expired
/// (the consumer died before settling), when a publisher re-sent it beyond the duplicate
/// detection window, or when operations replayed it from the dead letters, by which time the
/// session's later events may have been applied. Sessions (and topics) interleave freely.
/// </summary>
public static class DeliveryPlan
{
    /// <summary>Each message 2 to 10 times: first deliveries in send order, each further copy at a random later point.</summary>
    public static List<(T Message, int DeliveryCount)> Redelivered<T>(IReadOnlyList<T> session, Random random)
        where T : class
    {
        var plan = session.Select(m => (Message: m, DeliveryCount: 1)).ToList();
        foreach (var message in session)
        {
            var copies = random.Next(2, 11);
            for (var copy = 2; copy <= copies; copy++)
            {
                var first = plan.FindIndex(p => ReferenceEquals(p.Message, message));
                plan.Insert(random.Next(first + 1, plan.Count + 1), (message, copy));
            }
        }

        // The broker counts deliveries per message: copies are numbered in the order they come.
        var seen = new Dictionary<T, int>(ReferenceEqualityComparer.Instance);
        return [.. plan.Select(p => (p.Message, seen[p.Message] = seen.GetValueOrDefault(p.Message) + 1))];
    }
}
