using System.Diagnostics;
using Grpc.Core;
using Mash.Bench.Hosting;
using Mash.Bench.Load;
using Mash.Bench.Output;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Testing.Nodes;

namespace Mash.Bench.Scenarios;

/// <summary>
/// A CSE flag raised at the police node, until the social care node's risk profile of the same
/// child shows it. Flags are raised one after another (each for a new child: one in flight, so
/// the figure is latency, not a queue the benchmark built) and each is watched by polling the
/// profile through the social care gateway: what a social worker would see, to within the
/// polling interval. The social care node's own receipt time (`received_at`, same machine clock)
/// gives the latency without the polling. (Polling many flags at once was tried first: every
/// profile read is an audited commit, so the polls themselves became the bottleneck.)
/// </summary>
public static class CrossNodeFlags
{
    public const string Name = "events";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    public static async Task RunAsync(BenchContext context, NodeClient police, NodeClient socialCare)
    {
        await MeasureAsync(context, police, socialCare, events: context.Quick ? 60 : 1_300, warmUp: context.Quick ? 10 : 300, "");

        // The same with what a node holds after years of sharing (see DeliveredEvents): are the flag's path's lookups still cheap?
        var delivered = context.Quick ? 5_000 : 100_000;
        await DeliveredEvents.FillAsync(context, police, socialCare, delivered);
        await MeasureAsync(context, police, socialCare, events: context.Quick ? 40 : 500, warmUp: context.Quick ? 10 : 200, $", {delivered:N0} delivered before");
    }

    private static async Task MeasureAsync(BenchContext context, NodeClient police, NodeClient socialCare, int events, int warmUp, string label)
    {
        var timeLimit = context.Quick ? TimeSpan.FromMinutes(1) : TimeSpan.FromMinutes(6);
        var policeHeaders = await police.AsAsync("police-mash");
        var socialCareHeaders = await socialCare.AsAsync("social-care-mash");
        var flags = police.Assessments();
        var profiles = socialCare.Assessments();
        var seen = new Measured();
        var received = new Measured();
        context.Log.WriteLine($"{Name}: {events} CSE flags one after another (at most {timeLimit.TotalMinutes:0} min), police -> social care ({warmUp} not counted)...");

        async Task OneAsync(int index)
        {
            var child = TestChildren.New("Flag");
            var startedUtc = DateTime.UtcNow;
            var started = Stopwatch.GetTimestamp();
            var record = index >= warmUp;
            StatusCode status;
            try
            {
                await flags.RaiseCseFlagAsync(CseFlags.Sample(child), BenchContext.Call(policeHeaders, CancellationToken.None));
                var raised = Stopwatch.GetElapsedTime(started);
                var (entry, polls, lastPoll) = await WaitForEntryAsync(profiles, child, socialCareHeaders);
                if (Environment.GetEnvironmentVariable("MASH_BENCH_TRACE") == "1")
                {
                    context.Log.WriteLine($"    flag {index}: raised in {raised.TotalMilliseconds:0} ms, seen after {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms, received {(entry?.ReceivedAt.ToDateTime() - startedUtc)?.TotalMilliseconds:0} ms, {polls} polls, the last {lastPoll.TotalMilliseconds:0.0} ms");
                }
                if (record && entry is not null)
                {
                    seen.Latency.Record(Stopwatch.GetElapsedTime(started));
                    received.Latency.Record(entry.ReceivedAt.ToDateTime() - startedUtc);
                    received.Statuses.Add(StatusCode.OK);
                }

                status = entry is null ? StatusCode.DeadlineExceeded : StatusCode.OK;
            }
            catch (RpcException e)
            {
                status = e.StatusCode;
            }

            if (record)
            {
                seen.Statuses.Add(status);
            }
        }

        var begin = Stopwatch.GetTimestamp();
        for (var i = 0; i < events && Stopwatch.GetElapsedTime(begin) < timeLimit; i++)
        {
            await OneAsync(i);
        }

        seen.Elapsed = received.Elapsed = Stopwatch.GetElapsedTime(begin);
        var p50 = seen.Latency.Percentile(50).TotalMilliseconds;
        var p99 = seen.Latency.Percentile(99).TotalMilliseconds;
        context.Add(Figure.Of(Name, "flag seen in partner profile" + label, seen, $"one flag at a time, profile polled every {PollInterval.TotalMilliseconds:0} ms through the gateway") with
        {
            PerSecond = null, Target = "p50 < 50, p99 < 200 ms", Met = p50 < 50 && p99 < 200 && seen.Statuses.Failed == 0 && seen.Statuses.Total >= events - warmUp,
        });
        context.Add(Figure.Of(Name, "flag stored at partner (received_at)" + label, received, "social care node's receipt time minus the raise call's start") with { PerSecond = null });
    }

    /// <returns>The entry (null when not seen within 30 s), how many reads it took, and how long the last read took.</returns>
    private static async Task<(PartnerRiskEntry? Entry, int Polls, TimeSpan LastPoll)> WaitForEntryAsync(
        AssessmentService.AssessmentServiceClient profiles, ChildIdentity child, Metadata headers)
    {
        var deadline = Stopwatch.GetTimestamp() + (30 * Stopwatch.Frequency);
        var request = new GetChildRiskProfileRequest { Child = child };
        var (polls, lastPoll) = (0, TimeSpan.Zero);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var started = Stopwatch.GetTimestamp();
            var profile = await profiles.GetChildRiskProfileAsync(request, BenchContext.Call(headers, CancellationToken.None));
            (polls, lastPoll) = (polls + 1, Stopwatch.GetElapsedTime(started));
            if (profile.PartnerEntries.FirstOrDefault() is { } entry)
            {
                return (entry, polls, lastPoll);
            }

            await Task.Delay(PollInterval);
        }

        return (null, polls, lastPoll);
    }
}
