using System.Globalization;

namespace Mash.Bench.Output;

/// <summary>The results as a fixed-width table for the terminal.</summary>
public static class ResultTable
{
    public static void Print(BenchRun run, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Mash benchmarks ({run.Mode}), {run.ProcessorCount} cores, load average {Format(run.LoadAverageAtStart)} at start, {Format(run.LoadAverageAtEnd)} at end, {run.Duration.TotalSeconds:0} s");
        // As wide as the longest figure's name, so every column after it lines up.
        var nameWidth = run.Figures.Select(f => f.Name.Length).Append("figure".Length).Max();
        output.WriteLine($"{"scenario",-12} {"figure".PadRight(nameWidth)} {"calls/s",9} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"value",9} {"x bare",7} {"statuses",-22} {"target",-26} met");
        foreach (var f in run.Figures)
        {
            var statuses = string.Join(' ', f.Statuses.Select(s => $"{s.Key}={s.Value}"));
            var value = f.Value is null ? "" : Format(f.Value) + (f.Unit is null ? "" : " " + f.Unit);
            var met = f.Met switch { true => "yes", false => "NO", null => "" };
            output.WriteLine($"{f.Scenario,-12} {f.Name.PadRight(nameWidth)} {Format(f.PerSecond),9} {Format(f.P50Ms),8} {Format(f.P95Ms),8} {Format(f.P99Ms),8} {value,9} {Format(f.VsBare),7} {statuses,-22} {f.Target ?? "",-26} {met}");
            if (f.Note is not null)
            {
                output.WriteLine($"{"",-12}   {f.Note}");
            }
        }

        foreach (var error in run.Errors)
        {
            output.WriteLine("error: " + error);
        }
    }

    private static string Format(double? value) => value?.ToString(value >= 100 ? "0" : "0.##", CultureInfo.InvariantCulture) ?? "";
}
