using System.Diagnostics;
using Mash.Assessment.Tests.Support;
using Mash.Contracts.Events.V1;
using Mash.Platform.Eventing;
using Mash.Platform.Identity;
using Mash.Platform.Telemetry;
using Mash.Testing;
using Mash.Testing.Telemetry;

namespace Mash.Assessment.Tests.Functional;

/// <summary>
/// A partner's call at the police node raises a CSE flag; the social care node's handler applies
/// the shared event in the same trace: the call, the relay's publish and the consumer's process.
/// </summary>
public sealed class TraceAcrossNodesTests : IDisposable
{
    private readonly TestTokens _tokens = new();
    private readonly AssessmentApp _police;
    private readonly AssessmentApp _socialCare;
    private readonly RecordedActivities _activities = new(MashTelemetry.SourceName, "Microsoft.AspNetCore");

    public TraceAcrossNodesTests()
    {
        var secret = PartnershipSecret.Generate();
        _police = new AssessmentApp(null, _tokens, new Dictionary<string, string> { [PartnershipSecret.Key] = secret });
        _socialCare = new AssessmentApp(null, _tokens, new Dictionary<string, string>
        {
            [PartnershipSecret.Key] = secret,
            ["Mash:Node:Id"] = "local-social-care",
            ["Mash:Node:Agency"] = "children-social-care",
        });
    }

    public void Dispose()
    {
        _activities.Dispose();
        _police.Dispose();
        _socialCare.Dispose();
        _tokens.Dispose();
    }

    [Fact]
    public async Task The_other_nodes_handler_runs_in_the_trace_of_the_partner_call_that_raised_the_flag()
    {
        Activity.Current = null;
        var traceId = ActivityTraceId.CreateRandom();
        var partnerSpan = ActivitySpanId.CreateRandom();
        var headers = _police.As();
        headers.Add("traceparent", $"00-{traceId}-{partnerSpan}-01");

        var child = Samples.Child();
        await _police.Client().RaiseCseFlagAsync(Samples.Raise(child), headers);
        var shared = await SentAsync(_police, Topics.CseFlags);
        _ = _socialCare.Services; // started, its consumer subscribed
        var delivery = await _socialCare.Transport.DeliverAsync(shared);

        Assert.Equal("completed", delivery.Settlement);
        var call = await _activities.WaitForAsync(traceId, "Microsoft.AspNetCore.Hosting.HttpRequestIn");
        Assert.Equal(partnerSpan, call.ParentSpanId);
        var publish = await _activities.WaitForAsync(traceId, "publish " + Topics.CseFlags);
        var process = await _activities.WaitForAsync(traceId, "process " + Topics.CseFlags);
        Assert.Equal(call.SpanId, publish.ParentSpanId);
        Assert.Equal(call.SpanId, process.ParentSpanId);
        Assert.Equal("local-police", process.GetTagItem("mash.event.origin_node"));
        Assert.Equal("assessment-local-social-care", process.GetTagItem("messaging.destination.subscription.name"));
        // No child identity in any tag of the trace.
        Assert.DoesNotContain(_activities.InTrace(traceId).SelectMany(a => a.Tags), tag => tag.Value?.Contains(child.NhsNumber, StringComparison.Ordinal) == true);
    }

    /// <summary>The message the relay sent for the topic (it runs in the background, woken by the commit).</summary>
    private static async Task<Platform.Eventing.Transport.TransportMessage> SentAsync(AssessmentApp app, string topic)
    {
        for (var i = 0; i < 500; i++)
        {
            if (app.Transport.Sent.FirstOrDefault(m => m.Topic == topic) is { } sent)
            {
                return sent;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"Nothing was published to '{topic}'.");
    }
}
