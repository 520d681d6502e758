using System.CommandLine;
using Mash.Contracts.Referral.V1;

namespace Mash.Cli;

/// <summary>
/// <c>list</c>: the referrals this node holds by due time: the screening queue with its backlog at the
/// front door, the referrer's copies with their outcome elsewhere (<c>--awaiting-outcome</c>: those to chase).
/// </summary>
internal sealed class ListCommand : ICliCommand
{
    private readonly Option<IReadOnlyList<ReferralStatus>> _status = CliOptions.ChoiceList("--status", Choices.Statuses,
        "Only referrals with this status; may be repeated or comma-separated.");
    private readonly Option<IReadOnlyList<Rag>> _rag = CliOptions.ChoiceList("--rag", Choices.Rags,
        "Only referrals with this RAG rating; may be repeated or comma-separated.");
    private readonly Option<IReadOnlyList<ReferralRole>> _role = CliOptions.ChoiceList("--role", Choices.Roles,
        "Only the front door's referrals, or only the referrer's copies; may be repeated or comma-separated.");
    private readonly Option<bool> _overdue = CliOptions.Flag("--overdue", "Only referrals past a deadline.");
    private readonly Option<bool> _awaitingOutcome = CliOptions.Flag("--awaiting-outcome",
        "Only referrals sent to a front door with no outcome back although the decision was due: the ones to chase.");
    private readonly PagingOptions _paging = new();

    public ListCommand() => Definition = new Command("list", "The referrals this node holds, by due time, with the screening backlog.")
    {
        _status, _rag, _role, _overdue, _awaitingOutcome,
    }.With(_paging.All);

    public Command Definition { get; }

    public ListReferralsRequest Request(CommandContext context)
    {
        var request = new ListReferralsRequest
        {
            OverdueOnly = context.Value(_overdue),
            AwaitingOutcomeOnly = context.Value(_awaitingOutcome),
            Page = _paging.Request(context),
        };
        request.Roles.AddRange(context.Values(_role));
        request.Statuses.AddRange(context.Values(_status));
        request.Rags.AddRange(context.Values(_rag));
        return request;
    }

    public async Task<int> RunAsync(CommandContext context)
    {
        var request = Request(context);
        return await PagedList.ShowAsync(
            context,
            request.Page,
            _paging.AllPages(context),
            options => context.Referrals.ListReferralsAsync(request, options).ResponseAsync,
            r => r.Referrals,
            QueuePrinter.Print);
    }
}
