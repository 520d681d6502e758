using System.Diagnostics;
using Mash.Bench.Load;
using Mash.Bench.Output;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Events.V1;
using Mash.Testing.Nodes;

namespace Mash.Bench.Scenarios;

/// <summary>
/// A child's risk profile at the social care node as what partners shared about the child grows: 10, 100 and
/// 1,000 partner entries. The entries are real: one CSE flag raised at the police node and reviewed again and
/// again, each review a CseFlagChanged event carried to social care. At each size, `GetChildRiskProfile`
/// through the social care gateway, one caller back to back. The profile answers every entry (and audits each
/// as read, telling the police node), so its cost is expected to grow with the child's own entries; what
/// must not grow is the cost per entry.
/// </summary>
public static class RiskProfileGrowth
{
    public const string Name = "profile";
    private static readonly int[] FullSizes = [10, 100, 1_000];
    private static readonly int[] QuickSizes = [10, 50];

    public static async Task RunAsync(BenchContext context, NodeClient police, NodeClient socialCare)
    {
        var policeHeaders = await police.AsAsync("police-mash");
        var socialCareHeaders = await socialCare.AsAsync("social-care-mash");
        var child = TestChildren.New("Profile");
        var flags = police.Assessments();
        var profiles = socialCare.Assessments();
        var read = new GetChildRiskProfileRequest { Child = child };
        var flag = await flags.RaiseCseFlagAsync(CseFlags.Sample(child), BenchContext.Call(policeHeaders, CancellationToken.None));

        var shared = 1;
        var curve = new List<(int Entries, double P50, double P99)>();
        foreach (var size in context.Quick ? QuickSizes : FullSizes)
        {
            context.Log.WriteLine($"{Name}: reviewing the flag until social care holds {size:N0} entries for the child...");
            for (; shared < size; shared++)
            {
                await flags.ReviewCseFlagAsync(new ReviewCseFlagRequest
                {
                    FlagId = flag.FlagId, Risk = shared % 2 == 0 ? CseRisk.High : CseRisk.Medium, Reason = $"Review {shared}", Evidence = "Strategy discussion minutes",
                }, BenchContext.Call(policeHeaders, CancellationToken.None));
            }

            var entries = await WaitForEntriesAsync(profiles, read, socialCareHeaders, size);
            var measured = await ClosedLoop.RunAsync(1, context.Phases with { Measure = context.Phases.Measure / 2 }, async ct =>
                await profiles.GetChildRiskProfileAsync(read, BenchContext.Call(socialCareHeaders, ct)));
            context.Add(Figure.Of(Name, $"GetChildRiskProfile with {size:N0} partner entries (1 caller)", measured, $"{entries:N0} entries answered, through the social care gateway"));
            curve.Add((size, measured.Latency.Percentile(50).TotalMilliseconds, measured.Latency.Percentile(99).TotalMilliseconds));
        }

        // The part of a read that each entry costs, between the smallest and the largest profile.
        var (first, last) = (curve[0], curve[^1]);
        var perEntry = Math.Round((last.P50 - first.P50) / (last.Entries - first.Entries) * 1000, 1);
        context.Add(new Figure { Scenario = Name, Name = "GetChildRiskProfile cost per partner entry (p50)", Value = perEntry, Unit = "µs" });
    }

    private static async Task<int> WaitForEntriesAsync(AssessmentService.AssessmentServiceClient profiles, GetChildRiskProfileRequest read, Grpc.Core.Metadata headers, int wanted)
    {
        var deadline = Stopwatch.GetTimestamp() + (120 * Stopwatch.Frequency);
        var count = 0;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            count = (await profiles.GetChildRiskProfileAsync(read, BenchContext.Call(headers, CancellationToken.None))).PartnerEntries.Count;
            if (count >= wanted)
            {
                return count;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Social care held {count} of the {wanted} entries after two minutes.");
    }
}
