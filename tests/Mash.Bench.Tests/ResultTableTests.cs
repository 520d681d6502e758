using Mash.Bench.Output;

namespace Mash.Bench.Tests;

public sealed class ResultTableTests
{
    [Fact]
    public void Every_row_s_columns_line_up_however_long_a_figure_s_name()
    {
        var run = new BenchRun
        {
            StartedAt = DateTimeOffset.UnixEpoch, Mode = "quick", ProcessorCount = 2,
            Figures =
            [
                new Figure { Scenario = "gateway", Name = "GetReferral direct", PerSecond = 6631 },
                new Figure { Scenario = "bare", Name = "GetReferral bare gRPC, in turns with the node (16 callers)", PerSecond = 50250 },
            ],
        };
        using var output = new StringWriter();

        ResultTable.Print(run, output);

        var lines = output.ToString().Split(Environment.NewLine);
        var header = lines.Single(l => l.StartsWith("scenario", StringComparison.Ordinal));
        // Right-aligned: each rate ends where the header's "calls/s" ends.
        var ratesEnd = header.IndexOf("calls/s", StringComparison.Ordinal) + "calls/s".Length;
        foreach (var rate in new[] { "6631", "50250" })
        {
            var row = lines.Single(l => l.Contains(" " + rate + " ", StringComparison.Ordinal));
            Assert.Equal(ratesEnd, row.IndexOf(" " + rate + " ", StringComparison.Ordinal) + 1 + rate.Length);
        }
    }
}
