using System.Diagnostics;
using Mash.Gateway.Tests.Infrastructure;

namespace Mash.Gateway.Tests;

/// <summary>The partner's trace continues through the gateway to the service (W3C traceparent).</summary>
public sealed class TracePropagationTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task A_call_through_the_gateway_reaches_the_service_in_the_callers_trace_under_the_gateways_span()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var callerSpan = ActivitySpanId.CreateRandom();
        var headers = Requests.Bearer(await fixture.Gateway.TokenAsync("police-mash"));
        var purpose = "trace test " + traceId;
        headers.Add("x-mash-purpose", purpose);
        headers.Add("traceparent", $"00-{traceId}-{callerSpan}-01");

        // The partner's own client span (its HTTP client may send that, or the header above: same trace).
        using (var partnerCall = new Activity("partner call").SetParentId(traceId, callerSpan, ActivityTraceFlags.Recorded).Start())
        {
            callerSpan = partnerCall.SpanId;
            await fixture.Gateway.Referrals.SubmitReferralAsync(Requests.Referral("traced"), headers);
        }

        var received = fixture.Backend.Received.Single(m => m.GetValue("x-mash-purpose") == purpose);
        var traceParent = ActivityContext.Parse(received.GetValue("traceparent")!, null);
        Assert.Equal(traceId, traceParent.TraceId);
        // The gateway's own span sits between the caller and the service.
        Assert.NotEqual(callerSpan, traceParent.SpanId);
    }
}
