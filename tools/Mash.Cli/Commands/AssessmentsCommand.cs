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

        return await PagedList.ShowAsync(
            context,
            request.Page,
            Paging.All(args),
            options => context.Assessments.ListAssessmentsAsync(request, options).ResponseAsync,
            r => r.Assessments,
            AssessmentPrinter.PrintList);
    }
}
