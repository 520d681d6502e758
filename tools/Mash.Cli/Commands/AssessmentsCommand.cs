using System.CommandLine;
using Mash.Contracts.Assessment.V1;

namespace Mash.Cli;

/// <summary><c>assessments</c>: assessments by due time, with the open and overdue counts; one child's or one referral's if asked.</summary>
internal sealed class AssessmentsCommand : ICliCommand
{
    private readonly Option<IReadOnlyList<AssessmentStatus>> _status = CliOptions.ChoiceList("--status", Choices.AssessmentStatuses,
        "Only assessments with this status; may be repeated or comma-separated.");
    private readonly Option<bool> _overdue = CliOptions.Flag("--overdue", "Only assessments past their due time.");
    private readonly Option<string> _referral = CliOptions.Text("--referral", "REF", "Only the assessment a referral's decision opened.");
    private readonly ChildOptions _child = new(requireNhs: false);
    private readonly PagingOptions _paging = new();

    public AssessmentsCommand() => Definition = new Command("assessments",
        "Assessments by due time, with the open and overdue counts; one child's with the child's options [Assessment.Read].")
    {
        _status, _overdue,
    }.With(_child.All).With([_referral]).With(_paging.All);

    public Command Definition { get; }

    public ListAssessmentsRequest Request(CommandContext context)
    {
        var request = new ListAssessmentsRequest
        {
            OverdueOnly = context.Value(_overdue),
            Page = _paging.Request(context),
            ReferralId = context.Value(_referral) ?? "",
        };
        if (_child.AnyGiven(context))
        {
            request.Child = _child.From(context);
        }

        request.Statuses.AddRange(context.Values(_status));
        return request;
    }

    public async Task<int> RunAsync(CommandContext context)
    {
        var request = Request(context);
        return await PagedList.ShowAsync(
            context,
            request.Page,
            _paging.AllPages(context),
            options => context.Assessments.ListAssessmentsAsync(request, options).ResponseAsync,
            r => r.Assessments,
            AssessmentPrinter.PrintList);
    }
}
