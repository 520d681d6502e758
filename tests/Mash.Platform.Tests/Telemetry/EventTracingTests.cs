using System.Diagnostics;
using Google.Protobuf;
using Mash.Contracts.Events.V1;
using Mash.Platform.Eventing;
using Mash.Platform.Telemetry;
using Mash.Platform.Tests.Eventing.Pipeline;
using Mash.Testing.Telemetry;
using Mash.Platform.Eventing.Telemetry;

namespace Mash.Platform.Tests.Telemetry;

/// <summary>One trace from the call that raised an event, through the relay, to the handler that applies it.</summary>
public sealed class EventTracingTests : IDisposable
{
    private readonly EventingHarness _harness = new();
    private readonly RecordedActivities _activities = new(MashTelemetry.SourceName);

    public void Dispose()
    {
        _activities.Dispose();
        _harness.Dispose();
    }

    [Fact]
    public async Task The_handler_runs_in_the_trace_of_the_call_that_raised_the_event_after_the_relay_published_it_in_that_trace()
    {
        Activity.Current = null;
        var consumer = _harness.Consumer();
        await consumer.StartAsync(CancellationToken.None);
        EventEnvelope raised;
        ActivityContext call;
        using (var partnerCall = new Activity("partner call").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            call = partnerCall.Context;
            raised = await _harness.RaiseFlagAsync(1);
        }

        Assert.Equal($"00-{call.TraceId}-{call.SpanId}-{(call.TraceFlags == ActivityTraceFlags.Recorded ? "01" : "00")}", raised.TraceParent);

        Assert.Equal(1, await _harness.Relay().PublishBatchAsync(10, CancellationToken.None));
        var delivery = await _harness.Transport.DeliverAsync(TelemetryScenario.FromPoliceNode(Assert.Single(_harness.Transport.Sent)));

        Assert.Equal("completed", delivery.Settlement);
        Assert.Equal(call.TraceId, _harness.Behaviour.SeenTraceId);
        var publish = await _activities.WaitForAsync(call.TraceId, "publish " + Topics.CseFlags);
        var process = await _activities.WaitForAsync(call.TraceId, "process " + Topics.CseFlags);
        Assert.Equal((ActivityKind.Producer, call.SpanId), (publish.Kind, publish.ParentSpanId));
        Assert.Equal((ActivityKind.Consumer, call.SpanId), (process.Kind, process.ParentSpanId));
        Assert.Equal(raised.EventId, process.GetTagItem("messaging.message.id"));
        Assert.Equal(ActivityStatusCode.Unset, process.Status);
        await consumer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_failed_publish_and_a_dead_lettered_delivery_are_marked_as_errors_in_the_trace()
    {
        Activity.Current = null;
        var consumer = _harness.Consumer();
        await consumer.StartAsync(CancellationToken.None);
        ActivityTraceId traceId;
        using (var partnerCall = new Activity("partner call").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            traceId = partnerCall.TraceId;
            await _harness.RaiseFlagAsync(2);
        }

        _harness.Transport.Down = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => _harness.Relay().PublishBatchAsync(10, CancellationToken.None));
        var failedPublish = await _activities.WaitForAsync(traceId, "publish " + Topics.CseFlags);
        Assert.Equal(ActivityStatusCode.Error, failedPublish.Status);

        _harness.Transport.Down = false;
        await _harness.Relay().PublishBatchAsync(10, CancellationToken.None);
        _harness.Behaviour.Unprocessable = true;
        var delivery = await _harness.Transport.DeliverAsync(TelemetryScenario.FromPoliceNode(Assert.Single(_harness.Transport.Sent)));

        Assert.Equal("dead-lettered", delivery.Settlement);
        var process = await _activities.WaitForAsync(traceId, "process " + Topics.CseFlags);
        Assert.Equal((ActivityStatusCode.Error, "FlagForUnknownChild"), (process.Status, process.StatusDescription));
        await consumer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void An_envelope_without_a_trace_or_with_a_malformed_one_starts_a_new_trace()
    {
        Assert.Equal(default, EventTracing.ParentOf(new EventEnvelope()));
        Assert.Equal(default, EventTracing.ParentOf(new EventEnvelope { TraceParent = "not-a-trace" }));
        Assert.Null(EventTracing.TraceParentOf(new byte[] { 0xff, 0xff, 0xff }));
        var traced = new EventEnvelope { TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" };
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", EventTracing.ParentOf(traced).TraceId.ToHexString());
        Assert.Equal(traced.TraceParent, EventTracing.TraceParentOf(traced.ToByteArray()));
    }
}
