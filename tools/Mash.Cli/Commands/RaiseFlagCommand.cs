using Mash.Contracts.Assessment.V1;

namespace Mash.Cli;

/// <summary>
/// <c>raise-flag</c>: raises a CSE flag on a child. The lawful basis recorded with the flag is the
/// run's <c>--lawful-basis</c>, the same one sent as metadata. Retrying with the same
/// <c>--key</c> returns the same flag.
/// </summary>
internal sealed class RaiseFlagCommand : ICliCommand
{
    public string Name => "raise-flag";

    public IReadOnlyList<string> Options => [.. ChildOptions.Names, "risk", "reason", "evidence", .. SuspectOptions.Names, IdempotencyKey.Option];

    public async Task<int> RunAsync(CommandContext context)
    {
        var args = context.Arguments;
        var request = new RaiseCseFlagRequest
        {
            Child = ChildOptions.From(args, requireNhs: true),
            Risk = Choices.Parse("risk", args.Require("risk"), Choices.CseRisks),
            Reason = args.Require("reason"),
            Evidence = args.Require("evidence"),
            LawfulBasis = Choices.LawfulBasisValue(context.Settings.LawfulBasis),
            Suspect = SuspectOptions.Suspect(args),
            Contact = SuspectOptions.Contact(args),
        };
        // Last, so a usage error above does not print a key for a call never made.
        request.IdempotencyKey = IdempotencyKey.Resolve(context, "this flag");
        var flag = await context.Assessments.RaiseCseFlagAsync(request, await context.CallOptionsAsync());
        CseFlagOutput.Write(context, flag);
        return 0;
    }
}
