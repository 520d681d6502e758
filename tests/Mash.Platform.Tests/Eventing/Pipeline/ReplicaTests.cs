using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Events.V1;
using Mash.Platform.Audit;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Eventing.Transport;
using Mash.Platform.Persistence;
using Mash.Platform.Tests.Audit;
using Mash.Testing.Eventing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Agency = Mash.Contracts.Common.V1.Agency;
using LawfulBasis = Mash.Contracts.Common.V1.LawfulBasis;

namespace Mash.Platform.Tests.Eventing.Pipeline;

/// <summary>Two replicas of one service on one PostgreSQL database, as Kubernetes runs them.</summary>
public sealed class ReplicaTests : IDisposable
{
    private readonly EventingHarness _first;
    private readonly EventingHarness _second;

    public ReplicaTests()
    {
        _first = new EventingHarness(DatabaseProvider.PostgreSql);
        _second = new EventingHarness(_first.Database);
    }

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }

    private static async Task RaiseAsync(EventingHarness replica, int noteId, string childKey)
    {
        await using var scope = replica.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditTestDb>();
        scope.ServiceProvider.GetRequiredService<CallAudit>().Touch(childKey, "note-" + noteId);
        db.Notes.Add(new CaseNote { Id = noteId, Text = "flag raised" });
        scope.ServiceProvider.GetRequiredService<EventOutbox>().Enqueue(db, Topics.CseFlags,
            new CseFlagChanged { FlagId = "flag-" + noteId, Action = FlagAction.Raised, Risk = CseRisk.High, Reason = "r" },
            childKey, LawfulBasis.PublicTask, "safeguarding");
        await scope.ServiceProvider.GetRequiredService<AuditTrail>().SaveChangesWithAuditAsync(db, CancellationToken.None);
    }

    private static string FlagId(ReadOnlyMemory<byte> envelope) =>
        EventEnvelope.Parser.ParseFrom(envelope.Span).Payload.Unpack<CseFlagChanged>().FlagId;

    [SkippableFact]
    public async Task One_relay_publishes_while_the_other_stands_by_and_takes_over_the_rest_when_the_first_dies()
    {
        await RaiseAsync(_first, 1, "child-a");
        await RaiseAsync(_second, 2, "child-a");
        var publisher = _first.Relay();
        var standby = _second.Relay();

        Assert.Equal(2, await publisher.PublishBatchAsync(100, CancellationToken.None));
        await RaiseAsync(_second, 3, "child-a");
        Assert.Equal(0, await standby.PublishBatchAsync(100, CancellationToken.None));
        Assert.Empty(_second.Transport.Sent);

        // The publisher's process ends: its session, and the lock with it, go.
        await _first.Services.GetRequiredService<OutboxLeadership>().DisposeAsync();
        await RaiseAsync(_second, 4, "child-a");

        Assert.Equal(2, await standby.PublishBatchAsync(100, CancellationToken.None));
        Assert.Equal(["flag-1", "flag-2"], _first.Transport.Sent.Select(m => FlagId(m.Body)));
        Assert.Equal(["flag-3", "flag-4"], _second.Transport.Sent.Select(m => FlagId(m.Body)));
    }

    [SkippableFact]
    public async Task Writers_on_both_replicas_at_once_leave_one_audit_chain_and_an_outbox_in_commit_order()
    {
        await Task.WhenAll(Enumerable.Range(1, 40).Select(i =>
            Task.Run(() => RaiseAsync(i % 2 == 0 ? _first : _second, i, "child-" + (i % 3)))));

        var verification = await _first.QueryAsync(db => AuditVerifier.VerifyAsync(db));
        Assert.True(verification.Intact, verification.Reason);
        Assert.Equal(40, verification.EntriesChecked);

        // Each audit entry and its outbox row were written in one transaction under the chain
        // lock, so the outbox's order is the chain's order, which is the commit order.
        var chainOrder = await _first.QueryAsync(db => db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.RecordId).ToListAsync());
        var outboxOrder = await _first.QueryAsync(db => db.Set<OutboxMessage>().OrderBy(m => m.Sequence).ToListAsync());
        Assert.Equal(chainOrder, outboxOrder.Select(m => "note-" + FlagId(m.Envelope)["flag-".Length..]));
    }

    [SkippableFact]
    public async Task A_duplicate_delivered_to_both_replicas_at_once_is_applied_once_and_completed_on_both()
    {
        var envelope = new EventEnvelope
        {
            EventId = "evt-race",
            Type = CseFlagChanged.Descriptor.FullName,
            OriginNode = "test-police",
            OriginAgency = Agency.Police,
            OccurredAt = Timestamp.FromDateTime(DateTime.UtcNow),
            SchemaVersion = 1,
            LawfulBasis = LawfulBasis.PublicTask,
            ChildKey = "child-key-1",
            Payload = Any.Pack(new CseFlagChanged { FlagId = "f1", Action = FlagAction.Raised, Risk = CseRisk.High, Reason = "r" }),
            Purpose = "safeguarding",
        };
        var subscription = new Subscription(Topics.CseFlags, "assessment-" + EventingHarness.NodeId);
        var deliveries = Enumerable.Range(0, 6).Select(i => new RecordedDelivery
        {
            Message = new TransportMessage(envelope.EventId, Topics.CseFlags, envelope.ChildKey, envelope.Type, envelope.OriginNode, envelope.ToByteArray()),
            DeliveryCount = 1,
        }).ToList();

        await Task.WhenAll(deliveries.Select((delivery, i) =>
            Task.Run(() => (i % 2 == 0 ? _first : _second).Consumer().HandleAsync(subscription, delivery, CancellationToken.None))));

        Assert.All(deliveries, d => Assert.Equal("completed", d.Settlement));
        Assert.Equal(1, await _first.QueryAsync(db => db.Notes.CountAsync()));
        Assert.Equal(1, await _first.QueryAsync(db => db.Set<ProcessedEvent>().CountAsync()));
    }
}
