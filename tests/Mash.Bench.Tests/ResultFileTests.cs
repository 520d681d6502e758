using System.Text.Json;
using Grpc.Core;
using Mash.Bench.Load;
using Mash.Bench.Output;

namespace Mash.Bench.Tests;

public sealed class ResultFileTests
{
    private static BenchRun SampleRun()
    {
        var measured = new Measured { Elapsed = TimeSpan.FromSeconds(2) };
        foreach (var ms in new[] { 4, 5, 6, 40 })
        {
            measured.Latency.Record(TimeSpan.FromMilliseconds(ms));
            measured.Statuses.Add(StatusCode.OK);
        }

        measured.Statuses.Add(StatusCode.Unavailable);
        return new BenchRun
        {
            StartedAt = new DateTimeOffset(2026, 11, 26, 10, 30, 0, TimeSpan.Zero),
            Mode = "quick",
            ProcessorCount = 2,
            LoadAverageAtStart = 1.5,
            Figures =
            [
                Figure.Of("gateway", "GetReferral direct", measured),
                new Figure { Scenario = "resources", Name = "rss x/referral", Value = 120.5, Unit = "MB", Target = "< 150 MB", Met = true },
            ],
        };
    }

    [Fact]
    public void A_phase_figure_carries_its_rate_percentiles_and_grpc_statuses()
    {
        var figure = SampleRun().Figures[0];

        Assert.Equal(2.0, figure.PerSecond); // 4 OK calls in 2 s; the failed one does not count as throughput.
        Assert.Equal(5, figure.Calls);
        Assert.Equal(new Dictionary<string, long> { ["OK"] = 4, ["Unavailable"] = 1 }, figure.Statuses);
        Assert.InRange(figure.P50Ms!.Value, 5, 5.05);
        Assert.Equal(40, figure.P99Ms);
    }

    [Fact]
    public void The_file_is_camel_case_json_without_empty_fields_and_reads_back_the_same()
    {
        var json = ResultFile.Serialize(SampleRun());

        using var document = JsonDocument.Parse(json);
        var memory = document.RootElement.GetProperty("figures")[1];
        Assert.Equal(120.5, memory.GetProperty("value").GetDouble());
        Assert.False(memory.TryGetProperty("p99Ms", out _));
        Assert.Equal(1, document.RootElement.GetProperty("figures")[0].GetProperty("statuses").GetProperty("Unavailable").GetInt64());

        var back = ResultFile.Deserialize(json);
        Assert.Equal(SampleRun().Figures[0].P99Ms, back.Figures[0].P99Ms);
        Assert.Equal(2, back.Figures.Count);
        Assert.True(back.Figures[1].Met);
    }

    [Fact]
    public async Task Writing_creates_the_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mash-bench-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(folder, "bench", "results.json");
            await ResultFile.WriteAsync(path, SampleRun());

            Assert.Equal("quick", ResultFile.Deserialize(await File.ReadAllTextAsync(path)).Mode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_table_marks_a_missed_target()
    {
        var run = SampleRun() with
        {
            Figures = [new Figure { Scenario = "list", Name = "ListReferrals", P99Ms = 80, Target = "p99 < 50 ms", Met = false }],
        };
        using var output = new StringWriter();

        ResultTable.Print(run, output);

        var row = output.ToString().Split(Environment.NewLine).Single(l => l.StartsWith("list", StringComparison.Ordinal));
        Assert.EndsWith("NO", row.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("80", row, StringComparison.Ordinal);
    }
}
