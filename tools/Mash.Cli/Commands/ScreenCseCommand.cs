using System.CommandLine;
using Mash.Contracts.Assessment.V1;

namespace Mash.Cli;

/// <summary>
/// <c>screen-cse</c>: scores CSE indicators into a band. Nothing is stored; a date of birth
/// lets the under-13 rule apply, and naming the child (<c>--nhs</c>) makes the screening audited.
/// </summary>
internal sealed class ScreenCseCommand : ICliCommand
{
    private readonly Option<IReadOnlyList<CseIndicator>> _indicator = CliOptions.ChoiceList("--indicator", Choices.CseIndicators,
        "An indicator seen (at least one); may be repeated or comma-separated.");
    private readonly ChildOptions _child = new(requireNhs: false, withNames: false);

    public ScreenCseCommand() => Definition = new Command("screen-cse",
        "Score CSE indicators into low, medium or high; stores nothing [Assessment.Assess]. With --dob a child under 13 is "
        + "never low; with --nhs the screening is audited.")
    {
        _indicator,
    }.With(_child.All);

    public Command Definition { get; }

    public ScreenCseRequest Request(CommandContext context)
    {
        var indicators = context.Values(_indicator);
        if (indicators.Count == 0)
        {
            throw new UsageException("--indicator is required (repeat it or separate with commas)");
        }

        var request = new ScreenCseRequest { Indicators = { indicators } };
        if (_child.AnyGiven(context))
        {
            request.Child = _child.From(context);
        }

        return request;
    }

    public async Task<int> RunAsync(CommandContext context)
    {
        var screening = await context.Assessments.ScreenCseAsync(Request(context), await context.CallOptionsAsync());
        if (context.Settings.Json)
        {
            JsonOutput.Write(context.Out, screening);
        }
        else
        {
            CsePrinter.PrintScreening(context.Out, screening);
        }

        return 0;
    }
}
