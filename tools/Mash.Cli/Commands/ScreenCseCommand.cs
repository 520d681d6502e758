using Mash.Contracts.Assessment.V1;

namespace Mash.Cli;

/// <summary>
/// <c>screen-cse</c>: scores CSE indicators into a band. Nothing is stored; a date of birth
/// lets the under-13 rule apply, and naming the child (<c>--nhs</c>) makes the screening audited.
/// </summary>
internal sealed class ScreenCseCommand : ICliCommand
{
    public string Name => "screen-cse";

    public IReadOnlyList<string> Options => ["indicator", "nhs", "dob"];

    public async Task<int> RunAsync(CommandContext context)
    {
        var args = context.Arguments;
        var indicators = args.Values("indicator").Select(i => Choices.Parse("indicator", i, Choices.CseIndicators)).Distinct().ToList();
        if (indicators.Count == 0)
        {
            throw new UsageException("--indicator is required (repeat it or separate with commas)");
        }

        var request = new ScreenCseRequest { Indicators = { indicators } };
        if (args.Has("nhs") || args.Has("dob"))
        {
            request.Child = ChildOptions.From(args, requireNhs: false);
        }

        var screening = await context.Assessments.ScreenCseAsync(request, await context.CallOptionsAsync());
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
