using Mash.Contracts.Referral.V1;

namespace Mash.Cli;

/// <summary>
/// <c>list</c>: the referrals this node holds by due time: the screening queue with its backlog at the
/// front door, the referrer's copies with their outcome elsewhere (<c>--awaiting-outcome</c>: those to chase).
/// </summary>
internal sealed class ListCommand : ICliCommand
{
    public string Name => "list";

    public IReadOnlyList<string> Options => ["status", "rag", "role", "overdue", "awaiting-outcome", .. Paging.Names];

    public async Task<int> RunAsync(CommandContext context)
    {
        var args = context.Arguments;
        var request = new ListReferralsRequest { OverdueOnly = args.Has("overdue"), AwaitingOutcomeOnly = args.Has("awaiting-outcome") };
        request.Roles.AddRange(args.Values("role").Select(r => Choices.Parse("role", r, Choices.Roles)).Distinct());
        request.Statuses.AddRange(args.Values("status").Select(s => Choices.Parse("status", s, Choices.Statuses)).Distinct());
        request.Rags.AddRange(args.Values("rag").Select(r => Choices.Parse("rag", r, Choices.Rags)).Distinct());
        request.Page = Paging.From(args);
        return await PagedList.ShowAsync(
            context,
            request.Page,
            Paging.All(args),
            options => context.Referrals.ListReferralsAsync(request, options).ResponseAsync,
            r => r.Referrals,
            QueuePrinter.Print);
    }
}
