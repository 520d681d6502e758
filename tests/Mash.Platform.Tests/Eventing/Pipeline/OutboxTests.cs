using Google.Protobuf;
using Mash.Contracts.Events.V1;
using Mash.Platform.Audit;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Agreements;
using Mash.Platform.Time;
using Mash.Platform.Persistence;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Eventing.Transport;
using Mash.Platform.Tests.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using LawfulBasis = Mash.Contracts.Common.V1.LawfulBasis;

namespace Mash.Platform.Tests.Eventing.Pipeline;

public sealed class OutboxSqliteTests() : OutboxTests(DatabaseProvider.Sqlite);

public sealed class OutboxPostgreSqlTests() : OutboxTests(DatabaseProvider.PostgreSql);

/// <summary>Run once per database provider.</summary>
public abstract class OutboxTests : IDisposable
{
    private readonly EventingHarness _harness;

    private protected OutboxTests(DatabaseProvider provider)
    {
        _harness = new EventingHarness(provider);
    }

    public void Dispose()
    {
        _harness.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A state change and its event, saved as a service saves them.</summary>
    private async Task<EventEnvelope> RaiseAsync(int noteId, string childKey, string topic = Topics.CseFlags)
    {
        await using var scope = _harness.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditTestDb>();
        var audit = scope.ServiceProvider.GetRequiredService<CallAudit>();
        db.Notes.Add(new CaseNote { Id = noteId, Text = "flag raised" });
        audit.Touch(childKey, "note-" + noteId);
        var outbox = scope.ServiceProvider.GetRequiredService<EventOutbox>();
        var flag = new CseFlagChanged { FlagId = "flag-" + noteId, Action = FlagAction.Raised, Risk = CseRisk.High, Reason = "r" };
        if (Topics.IsSharedWithPartners(topic))
        {
            Assert.True(outbox.ShareWithPartners(db, topic, flag, childKey, childConfirmed: true, LawfulBasis.PublicTask, "safeguarding"));
        }
        else
        {
            outbox.Enqueue(db, topic, flag, childKey, LawfulBasis.PublicTask, "safeguarding");
        }

        var envelope = EventEnvelope.Parser.ParseFrom(db.ChangeTracker.Entries<OutboxMessage>().Single().Entity.Envelope);
        await scope.ServiceProvider.GetRequiredService<AuditTrail>().SaveChangesWithAuditAsync(db, CancellationToken.None);
        return envelope;
    }

    [SkippableFact]
    public async Task The_event_and_its_disclosure_are_committed_with_the_change_they_report()
    {
        var envelope = await RaiseAsync(1, "child-a");

        var outbox = await _harness.QueryAsync(db => db.Set<OutboxMessage>().SingleAsync());
        Assert.Equal(envelope.EventId, outbox.EventId);
        Assert.Equal("child-a", outbox.SessionId);
        Assert.Equal(Topics.CseFlags, outbox.Topic);
        Assert.Null(outbox.PublishedAt);
        Assert.Equal(envelope, EventEnvelope.Parser.ParseFrom(outbox.Envelope));

        var disclosure = await _harness.QueryAsync(db => db.Set<DisclosureRecord>().SingleAsync());
        Assert.True(disclosure.Shared);
        Assert.Equal(envelope.EventId, disclosure.EventId);
        Assert.Equal("LAWFUL_BASIS_PUBLIC_TASK", disclosure.LawfulBasis);
        Assert.Equal("safeguarding", disclosure.Purpose);
    }

    [SkippableTheory]
    [InlineData(true, LawfulBasis.PublicTask, false, true, "")]
    [InlineData(false, LawfulBasis.PublicTask, false, false, "unconfirmed")]
    [InlineData(false, LawfulBasis.PublicTask, true, true, "")]
    [InlineData(true, LawfulBasis.Unspecified, false, false, "No lawful basis")]
    public async Task Sharing_with_partners_is_refused_and_recorded_without_a_lawful_basis_or_a_confirmed_child(
        bool childConfirmed, LawfulBasis basis, bool shareUnconfirmed, bool expectShared, string reasonPart)
    {
        await using var scope = _harness.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditTestDb>();
        var outbox = new EventOutbox(
            Microsoft.Extensions.Options.Options.Create(new Mash.Platform.Hosting.MashNodeOptions()),
            Microsoft.Extensions.Options.Options.Create(new EventingOptions { ShareUnconfirmedChildMatches = shareUnconfirmed }),
            scope.ServiceProvider.GetRequiredService<AgreementRegistry>(), scope.ServiceProvider.GetRequiredService<ServiceClock>(),
            scope.ServiceProvider.GetRequiredService<CallAudit>(), TimeProvider.System, _harness.Identity);

        var shared = outbox.ShareWithPartners(db, Topics.CseFlags, new CseFlagChanged { FlagId = "f" }, "child-x", childConfirmed, basis, "safeguarding");
        await db.SaveChangesAsync();

        Assert.Equal(expectShared, shared);
        Assert.Equal(expectShared ? 1 : 0, await db.Set<OutboxMessage>().CountAsync());
        var disclosure = await db.Set<DisclosureRecord>().SingleAsync();
        Assert.Equal(expectShared, disclosure.Shared);
        Assert.Contains(reasonPart, disclosure.Reason, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Only_partners_with_an_agreement_in_force_are_sent_it_and_the_others_are_recorded_with_why_not()
    {
        await using var scope = _harness.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditTestDb>();
        var allCategories = EventingHarness.PartnerAgreement.Categories;
        var registry = new AgreementRegistry(
        [
            EventingHarness.PartnerAgreement,
            new SharingAgreement("ISA-HEALTH-2025", "test-health", allCategories, LawfulBasis.PublicTask, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)),
        ], warningDays: 30);
        var outbox = new EventOutbox(
            Microsoft.Extensions.Options.Options.Create(new Mash.Platform.Hosting.MashNodeOptions { Id = EventingHarness.NodeId }),
            Microsoft.Extensions.Options.Options.Create(new EventingOptions()),
            registry, scope.ServiceProvider.GetRequiredService<ServiceClock>(), scope.ServiceProvider.GetRequiredService<CallAudit>(), TimeProvider.System,
            _harness.Identity);

        Assert.True(outbox.ShareWithPartners(db, Topics.CseFlags, new CseFlagChanged { FlagId = "f" }, "child-x", true, LawfulBasis.PublicTask, "safeguarding", "flag-1"));
        await db.SaveChangesAsync();

        var envelope = EventEnvelope.Parser.ParseFrom((await db.Set<OutboxMessage>().SingleAsync()).Envelope);
        Assert.Equal([EventingHarness.NodeId, EventingHarness.PartnerNode], envelope.RecipientNodes);
        // Its partners' receipts come back to the service that shared it.
        Assert.Equal(_harness.Identity.ServiceName, envelope.OriginService);
        var disclosures = await db.Set<DisclosureRecord>().OrderBy(d => d.DestinationNode).ToListAsync();
        Assert.Equal([("test-health", false, ""), (EventingHarness.PartnerNode, true, "TEST-ISA")], disclosures.Select(d => (d.DestinationNode, d.Shared, d.AgreementId)));
        Assert.StartsWith("No agreement in force with node 'test-health' for CSE flags: agreement 'ISA-HEALTH-2025' ended on 2025-12-31", disclosures[0].Reason, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_change_that_fails_to_commit_leaves_no_event_behind()
    {
        await RaiseAsync(1, "child-a");
        await Assert.ThrowsAsync<DbUpdateException>(() => RaiseAsync(1, "child-b")); // the same note id again

        Assert.Equal(1, await _harness.QueryAsync(db => db.Set<OutboxMessage>().CountAsync()));
        Assert.Equal(1, await _harness.QueryAsync(db => db.Set<DisclosureRecord>().CountAsync()));
    }

    [SkippableFact]
    public async Task Events_within_a_node_are_not_disclosures()
    {
        await RaiseAsync(1, "child-a", Topics.Referrals);
        Assert.Equal(0, await _harness.QueryAsync(db => db.Set<DisclosureRecord>().CountAsync()));
    }

    [SkippableFact]
    public async Task The_relay_publishes_committed_events_once_in_the_order_they_were_written()
    {
        var raised = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            raised.Add((await RaiseAsync(i, i % 2 == 0 ? "child-a" : "child-b")).EventId);
        }

        var relay = _harness.Relay();
        Assert.Equal(5, await relay.PublishBatchAsync(100, CancellationToken.None));
        Assert.Equal(0, await relay.PublishBatchAsync(100, CancellationToken.None));

        Assert.Equal(raised, _harness.Transport.Sent.Select(m => m.MessageId));
        Assert.All(await _harness.QueryAsync(db => db.Set<OutboxMessage>().ToListAsync()), m => Assert.NotNull(m.PublishedAt));
    }

    [SkippableFact]
    public async Task The_relay_sends_the_nodes_child_records_together_and_other_events_alone_in_the_order_they_were_written()
    {
        var records = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            records.Add((await RaiseAsync(i, "child-" + i, Topics.ChildRecords)).EventId);
        }

        var flag = (await RaiseAsync(4, "child-4")).EventId;
        var relay = _harness.Relay(new EventingOptions { EventsPerBatchMessage = 2 });
        Assert.Equal(4, await relay.PublishBatchAsync(100, CancellationToken.None));

        var sent = _harness.Transport.Sent;
        Assert.Equal([EventBatches.MessageType, "mash.events.v1.CseFlagChanged", "mash.events.v1.CseFlagChanged"], sent.Select(m => m.Type));
        Assert.Equal(records[..2], EventBatches.Read(sent[0].Body).Events.Select(e => e.EventId));
        Assert.Equal([records[2], flag], sent.Skip(1).Select(m => m.MessageId));
        Assert.All(await _harness.QueryAsync(db => db.Set<OutboxMessage>().ToListAsync()), m => Assert.NotNull(m.PublishedAt));
    }

    [SkippableFact]
    public async Task A_row_committed_after_a_later_one_was_published_is_published_by_the_next_sweep()
    {
        var raised = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            raised.Add((await RaiseAsync(i, "child-" + i)).EventId);
        }

        // The second row's transaction has not committed yet when the relay runs: it is not there to see.
        var late = await _harness.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.EventId == raised[1]));
        await _harness.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.Sequence == late.Sequence).ExecuteDeleteAsync());
        var time = new FakeTimeProvider();
        var relay = _harness.Relay(new EventingOptions { OutboxPollInterval = TimeSpan.FromSeconds(1) }, time);
        Assert.Equal(2, await relay.PublishBatchAsync(100, CancellationToken.None));

        // Now it commits, behind the third, which is published: queries after the cursor do not see it, the sweep does.
        await _harness.QueryAsync(async db =>
        {
            db.Set<OutboxMessage>().Add(late);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(0, await relay.PublishBatchAsync(100, CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await relay.PublishBatchAsync(100, CancellationToken.None));

        Assert.Equal([raised[0], raised[2], raised[1]], _harness.Transport.Sent.Select(m => m.MessageId));
        Assert.All(await _harness.QueryAsync(db => db.Set<OutboxMessage>().ToListAsync()), m => Assert.NotNull(m.PublishedAt));
    }

    [SkippableFact]
    public async Task The_relay_addresses_each_event_to_the_nodes_that_may_apply_it()
    {
        var shared = await RaiseAsync(1, "child-a");
        var withinNode = await RaiseAsync(2, "child-b", Topics.Referrals);

        await _harness.Relay().PublishBatchAsync(100, CancellationToken.None);

        var sent = _harness.Transport.Sent.ToDictionary(m => m.MessageId);
        Assert.Equal([EventingHarness.NodeId, EventingHarness.PartnerNode], sent[shared.EventId].Nodes);
        // Within the node: for this node alone, so partners' services get no copy to settle unapplied.
        Assert.Equal(EventingHarness.NodeId, withinNode.DestinationNode);
        Assert.Equal([EventingHarness.NodeId], sent[withinNode.EventId].Nodes);
    }

    [SkippableFact]
    public async Task While_the_broker_is_down_events_wait_and_are_published_when_it_returns()
    {
        await RaiseAsync(1, "child-a");
        _harness.Transport.Down = true;
        var relay = _harness.Relay(new EventingOptions { OutboxPollInterval = TimeSpan.FromMilliseconds(50), OutboxMaxBackoff = TimeSpan.FromMilliseconds(200) });
        await relay.StartAsync(CancellationToken.None);
        try
        {
            await WaitUntil(() => _harness.Transport.SendAttempts >= 3);
            var waiting = await _harness.QueryAsync(db => db.Set<OutboxMessage>().SingleAsync());
            Assert.Null(waiting.PublishedAt);
            Assert.True(waiting.Attempts >= 1);
            Assert.Contains("broker unreachable", waiting.LastError, StringComparison.Ordinal);

            await RaiseAsync(2, "child-a");
            _harness.Transport.Down = false;
            await WaitUntil(() => _harness.Transport.Sent.Count == 2);
            Assert.Equal(["flag-1", "flag-2"], _harness.Transport.Sent.Select(m => FlagId(m.Body)));
        }
        finally
        {
            await relay.StopAsync(CancellationToken.None);
        }
    }

    [SkippableFact]
    public async Task A_commit_wakes_the_relay_without_waiting_for_the_poll()
    {
        var relay = _harness.Relay(new EventingOptions { OutboxPollInterval = TimeSpan.FromMinutes(5) });
        await relay.StartAsync(CancellationToken.None);
        try
        {
            await Task.Delay(200); // the relay is now waiting on the signal
            await RaiseAsync(1, "child-a");
            await WaitUntil(() => _harness.Transport.Sent.Count == 1, TimeSpan.FromSeconds(5));
        }
        finally
        {
            await relay.StopAsync(CancellationToken.None);
        }
    }

    private static string FlagId(ReadOnlyMemory<byte> body) =>
        EventEnvelope.Parser.ParseFrom(body.Span).Payload.Unpack<CseFlagChanged>().FlagId;

    private static async Task WaitUntil(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(20);
        }
    }
}
