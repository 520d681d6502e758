using System.CommandLine;
using Mash.Contracts.Strategy.V1;

namespace Mash.Cli;

/// <summary>
/// <c>require-discussion</c>: a practitioner's judgement that a strategy discussion is needed, or
/// with <c>--follows</c> a follow-up to a concluded one (the child may then be left out). Retrying
/// with the same <c>--key</c> returns the same discussion.
/// </summary>
internal sealed class RequireDiscussionCommand : ICliCommand
{
    private readonly ChildOptions _child = new(requireNhs: false);
    private readonly Option<string> _reason = CliOptions.RequiredText("--reason", "TEXT", "Why a discussion is needed.");
    private readonly Option<string> _follows = CliOptions.Text("--follows", "DSC",
        "A follow-up to this concluded discussion; the child may then be left out.");
    private readonly Option<string> _key = IdempotencyKey.Option("the same discussion");

    public RequireDiscussionCommand() => Definition = new Command("require-discussion",
        "Require a discussion on a practitioner's judgement [Strategy.Manage]. The child by --nhs, or without an NHS number "
        + "by --given/--family and --dob.")
        .With(_child.All).With([_reason, _follows, _key]);

    public Command Definition { get; }

    public RequireDiscussionRequest Request(CommandContext context)
    {
        var follows = context.Value(_follows)?.Trim() ?? "";
        if (context.Has(_follows) && follows.Length == 0)
        {
            throw new UsageException("--follows needs the id of the concluded discussion this one follows");
        }

        var request = new RequireDiscussionRequest { Reason = context.Required(_reason), FollowsDiscussionId = follows };
        if (_child.AnyGiven(context))
        {
            // An NHS number, or (an unconfirmed match) the child's name and date of birth: the service names what is missing.
            request.Child = _child.From(context);
        }
        else if (follows.Length == 0)
        {
            throw new UsageException("--nhs is required (or --given/--family and --dob when the NHS number is not known; a follow-up with --follows may leave the child out)");
        }

        // Last, so a usage error above does not print a key for a call never made.
        request.IdempotencyKey = IdempotencyKey.Resolve(context, _key, "this request");
        return request;
    }

    public async Task<int> RunAsync(CommandContext context)
    {
        var discussion = await context.Strategy.RequireDiscussionAsync(Request(context), await context.CallOptionsAsync());
        DiscussionOutput.Write(context, discussion);
        return 0;
    }
}
