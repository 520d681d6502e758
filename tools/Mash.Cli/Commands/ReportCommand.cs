using System.CommandLine;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Figures.V1;
using Mash.Platform.Figures;

namespace Mash.Cli;

/// <summary>
/// <c>report</c>: the partnership's figures for a period and an area (GetPartnershipFigures) written as one
/// self-contained HTML page with charts, for a board pack or an inspection; the same page as GET /v1/figures/report.
/// </summary>
internal sealed class ReportCommand : ICliCommand
{
    public const string DefaultFile = "figures-report.html";

    private readonly Option<Date?> _from = CliOptions.Date("--from", "The first day of the period, local time (default 12 months before --to).");
    private readonly Option<Date?> _to = CliOptions.Date("--to", "The last day of the period, included (default today).");
    private readonly Option<string> _area = CliOptions.Text("--area", "AREA", "The area (default the node's own).");
    private readonly Option<string> _out = CliOptions.Text("--out", "FILE", $"The HTML file to write (default {DefaultFile}); replaced if it exists.");

    public ReportCommand() => Definition = new Command("report",
        "The partnership's figures for a period (at most the node's limit, 400 days by default) as one HTML page with charts and "
        + "tables, readable offline and printable; counts only [Figures.Read].").With([_from, _to, _area, _out]);

    public Command Definition { get; }

    /// <summary>The period is whole local days, <c>--to</c> included: [from 00:00, the day after to 00:00).</summary>
    public GetPartnershipFiguresRequest Request(CommandContext context, DateOnly today)
    {
        var last = ToDay(context.Value(_to)) ?? today;
        var first = ToDay(context.Value(_from)) ?? last.AddDays(1).AddMonths(-12);
        if (first > last)
        {
            throw new UsageException($"--from ({first:yyyy-MM-dd}) must not be after --to ({last:yyyy-MM-dd})");
        }

        return new GetPartnershipFiguresRequest
        {
            From = StartOf(first),
            To = StartOf(last.AddDays(1)),
            Area = context.Value(_area)?.Trim() ?? "",
        };
    }

    public string OutputFile(CommandContext context) => context.Value(_out) is { } file && !string.IsNullOrWhiteSpace(file) ? file.Trim() : DefaultFile;

    public async Task<int> RunAsync(CommandContext context)
    {
        var request = Request(context, DateOnly.FromDateTime(DateTime.Now));
        var figures = await context.Figures.GetPartnershipFiguresAsync(request, await context.CallOptionsAsync());
        return await WriteAsync(context, figures);
    }

    /// <summary>The page written to <c>--out</c>, and one line saying where, so a script can pick the file up.</summary>
    public async Task<int> WriteAsync(CommandContext context, PartnershipFigures figures)
    {
        var file = OutputFile(context);
        // No byte-order mark: the page declares its charset itself.
        await File.WriteAllTextAsync(file, FiguresReport.Render(figures), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), context.Cancellation);
        context.Out.WriteLine($"Wrote {file}");
        return CliApp.Ok;
    }

    private static DateOnly? ToDay(Date? date) => date is null ? null : new DateOnly(date.Year, date.Month, date.Day);

    /// <summary>Local midnight in UTC, as the CLI reads every time; a midnight skipped by a clock change is taken an hour later.</summary>
    private static Timestamp StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var zone = TimeZoneInfo.Local;
        while (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return Timestamp.FromDateTime(TimeZoneInfo.ConvertTimeToUtc(local, zone));
    }
}
