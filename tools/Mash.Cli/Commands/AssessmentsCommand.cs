using Mash.Contracts.Assessment.V1;

namespace Mash.Cli;

/// <summary><c>assessments</c>: assessments by due time, with the open and overdue counts; one child's or one referral's if asked.</summary>
internal sealed class AssessmentsCommand : ICliCommand
{
    public string Name => "assessments";

    public IReadOnlyList<string> Options => ["status", "overdue", "referral", .. ChildOptions.Names, .. Paging.Names];

    public async Task<int> RunAsync(CommandContext context)
    {
        var args = context.Arguments;
        var request = new ListAssessmentsRequest { OverdueOnly = args.Has("overdue"), Page = Paging.From(args), ReferralId = args.Value("referral") ?? "" };
        if (ChildOptions.Names.Any(args.Has))
        {
            request.Child = ChildOptions.From(args, requireNhs: false);
        }

        request.Statuses.AddRange(args.Values("status").Select(s => Choices.Parse("status", s, Choices.AssessmentStatuses)).Distinct());

        var all = args.Has("all");
        // The counts and total come from the first page: they describe the whole list anyway.
        var result = await Paging.FetchAsync(
            request.Page,
            all,
            async () => await context.Assessments.ListAssessmentsAsync(request, await context.CallOptionsAsync()),
            r => r.NextPageToken,
            (first, next) =>
            {
                first.Assessments.AddRange(next.Assessments);
                first.NextPageToken = next.NextPageToken;
            });

        if (context.Settings.Json)
        {
            JsonOutput.Write(context.Out, result);
        }
        else
        {
            AssessmentPrinter.PrintList(context.Out, result, all);
        }

        return 0;
    }
}
