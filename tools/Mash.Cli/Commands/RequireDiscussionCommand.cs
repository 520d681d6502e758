using Mash.Contracts.Strategy.V1;

namespace Mash.Cli;

/// <summary>
/// <c>require-discussion</c>: a practitioner's judgement that a strategy discussion is needed, or
/// with <c>--follows</c> a follow-up to a concluded one (the child may then be left out). Retrying
/// with the same <c>--key</c> returns the same discussion.
/// </summary>
internal sealed class RequireDiscussionCommand : ICliCommand
{
    public string Name => "require-discussion";

    public IReadOnlyList<string> Options => [.. ChildOptions.Names, "reason", "follows", IdempotencyKey.Option];

    public async Task<int> RunAsync(CommandContext context)
    {
        var args = context.Arguments;
        var follows = args.Value("follows")?.Trim() ?? "";
        if (args.Has("follows") && follows.Length == 0)
        {
            throw new UsageException("--follows needs the id of the concluded discussion this one follows");
        }

        var request = new RequireDiscussionRequest { Reason = args.Require("reason"), FollowsDiscussionId = follows };
        if (ChildOptions.Names.Any(args.Has))
        {
            // An NHS number, or (an unconfirmed match) the child's name and date of birth: the service names what is missing.
            request.Child = ChildOptions.From(args, requireNhs: false);
        }
        else if (follows.Length == 0)
        {
            throw new UsageException("--nhs is required (or --given/--family and --dob when the NHS number is not known; a follow-up with --follows may leave the child out)");
        }

        // Last, so a usage error above does not print a key for a call never made.
        request.IdempotencyKey = IdempotencyKey.Resolve(context, "this request");
        var discussion = await context.Strategy.RequireDiscussionAsync(request, await context.CallOptionsAsync());
        DiscussionOutput.Write(context, discussion);
        return 0;
    }
}
