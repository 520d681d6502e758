using Google.Protobuf;
using Mash.Contracts.Events.V1;
using Mash.Platform.Audit;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Eventing.Transport;
using Mash.Platform.Tests.Audit;
using Mash.Platform.Tests.Eventing.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using LawfulBasis = Mash.Contracts.Common.V1.LawfulBasis;

namespace Mash.Platform.Tests.Telemetry;

/// <summary>Steps of the eventing pipeline the telemetry tests share.</summary>
internal static class TelemetryScenario
{
    /// <summary>A change and its CSE flag event, committed as a service commits them, in the current trace (if any).</summary>
    public static async Task<EventEnvelope> RaiseFlagAsync(this EventingHarness harness, int noteId)
    {
        await using var scope = harness.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditTestDb>();
        db.Notes.Add(new CaseNote { Id = noteId, Text = "flag raised" });
        scope.ServiceProvider.GetRequiredService<CallAudit>().Touch("child-key-" + noteId, "note-" + noteId);
        var envelope = scope.ServiceProvider.GetRequiredService<EventOutbox>().Enqueue(db, Topics.CseFlags,
            new CseFlagChanged { FlagId = "flag-" + noteId, Action = FlagAction.Raised, Risk = CseRisk.High, Reason = "r" },
            "child-key-" + noteId, LawfulBasis.PublicTask, "safeguarding");
        await scope.ServiceProvider.GetRequiredService<AuditTrail>().SaveChangesWithAuditAsync(db, CancellationToken.None);
        return envelope;
    }

    /// <summary>
    /// The harness is one node: its own events are not applied by a subscription for partners'
    /// events. This is the message as another node's broker delivers it (raised by the police node).
    /// </summary>
    public static TransportMessage FromPoliceNode(TransportMessage sent)
    {
        var envelope = EventEnvelope.Parser.ParseFrom(sent.Body.Span);
        envelope.OriginNode = "test-police";
        return sent with { OriginNode = envelope.OriginNode, Body = envelope.ToByteArray() };
    }
}
