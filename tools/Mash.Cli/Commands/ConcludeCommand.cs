using System.CommandLine;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Strategy.V1;

namespace Mash.Cli;

/// <summary>
/// <c>conclude</c>: the discussion's decisions and minutes. The service shares them with every
/// participating agency's node; concluding again with the same content is a harmless retry.
/// </summary>
internal sealed class ConcludeCommand : ICliCommand
{
    private readonly Option<string> _id = CliOptions.RequiredText("--id", "DSC", "The discussion.");
    private readonly Option<string> _information = CliOptions.RequiredText("--information", "TEXT", "What the agencies shared.");
    private readonly Option<bool> _s47 = CliOptions.Flag("--s47", "A section 47 enquiry: the initial child protection conference is then due.");
    private readonly Option<InvestigationKind> _investigation = CliOptions.Choice("--investigation", Choices.InvestigationKinds,
        "Whether there is to be a criminal investigation.", required: true);
    private readonly Option<bool> _abe = CliOptions.Flag("--abe", "An ABE interview is planned.");
    private readonly Option<bool> _medical = CliOptions.Flag("--medical", "A medical examination.");
    private readonly Option<string> _conduct = CliOptions.Text("--conduct", "TEXT", "Conduct and timing of the investigation.");
    private readonly Option<IReadOnlyList<SafeguardingAction>> _action = CliOptions.Structured("--action", StrategyValues.ActionShape,
        "A safeguarding action: the agency that owns it, when it is due (local time, after the discussion was held), "
        + "for=... for a child other than the discussion's, and what is to be done; repeat it for each action.",
        StrategyValues.Action);
    private readonly Option<string> _legalAction = CliOptions.Text("--legal-action", "TEXT", "Legal action is needed, and what.");
    private readonly Option<string> _familyTold = CliOptions.RequiredText("--family-told", "TEXT", "What the family is to be told.");
    private readonly Option<bool> _permissionSought = CliOptions.Flag("--permission-sought",
        "Parental permission for the checks was sought (this or --permission-not-sought-reason).");
    private readonly Option<string> _permissionNotSoughtReason = CliOptions.Text("--permission-not-sought-reason", "TEXT",
        "Why parental permission for the checks was not sought.");
    private readonly Option<string> _minutes = CliOptions.Text("--minutes", "TEXT", "The minutes (this or --minutes-file).");
    private readonly Option<string> _minutesFile = CliOptions.Text("--minutes-file", "PATH", "The minutes from a file of UTF-8 text.");
    private readonly Option<string> _documentRef = CliOptions.Text("--document-ref", "REF",
        "The minutes' document elsewhere, e.g. a case management system id.");
    private readonly Option<Timestamp?> _heldAt = CliOptions.LocalTime("--held-at", "When it was held, local time (default now).");

    public ConcludeCommand() => Definition = new Command("conclude",
        "Record the decisions and minutes; they are shared with every participating agency's node [Strategy.Manage].")
    {
        _id, _information, _s47, _investigation, _abe, _medical, _conduct, _action, _legalAction,
        _familyTold, _permissionSought, _permissionNotSoughtReason, _minutes, _minutesFile, _documentRef, _heldAt,
    };

    public Command Definition { get; }

    public ConcludeDiscussionRequest Request(CommandContext context)
    {
        var decisions = new Decisions
        {
            InformationShared = context.Required(_information),
            S47Enquiry = context.Value(_s47),
            CriminalInvestigation = new CriminalInvestigation
            {
                Kind = context.Required(_investigation),
                AbeInterview = context.Value(_abe),
                MedicalExamination = context.Value(_medical),
                ConductAndTiming = context.Value(_conduct)?.Trim() ?? "",
            },
            WhatTheFamilyIsTold = context.Required(_familyTold),
        };
        decisions.Actions.AddRange(context.Values(_action));
        if (context.Value(_legalAction) is { } legal)
        {
            decisions.LegalActionNeeded = !string.IsNullOrWhiteSpace(legal)
                ? true
                : throw new UsageException("--legal-action needs the legal action to be taken (leave it out when none is needed)");
            decisions.LegalActionDetails = legal.Trim();
        }

        SetPermission(context, decisions);
        return new ConcludeDiscussionRequest
        {
            DiscussionId = context.Required(_id),
            Decisions = decisions,
            Minutes = new Minutes { Text = MinutesText(context), DocumentReference = context.Value(_documentRef)?.Trim() ?? "" },
            HeldAt = context.Value(_heldAt),
        };
    }

    public async Task<int> RunAsync(CommandContext context)
    {
        var discussion = await context.Strategy.ConcludeDiscussionAsync(Request(context), await context.CallOptionsAsync());
        DiscussionOutput.Write(context, discussion);
        return 0;
    }

    /// <summary>Parental permission for the checks: sought, or why not; exactly one of the two.</summary>
    private void SetPermission(CommandContext context, Decisions decisions)
    {
        var sought = context.Value(_permissionSought);
        var notSought = context.Value(_permissionNotSoughtReason);
        if (sought && notSought is not null)
        {
            throw new UsageException("give either --permission-sought or --permission-not-sought-reason, not both");
        }

        if (!sought && notSought is null)
        {
            throw new UsageException("say whether parental permission for the checks was sought: --permission-sought or --permission-not-sought-reason TEXT");
        }

        decisions.ParentalPermissionSought = sought;
        if (!sought)
        {
            decisions.ParentalPermissionNotSoughtReason = string.IsNullOrWhiteSpace(notSought)
                ? throw new UsageException("--permission-not-sought-reason needs the reason permission was not sought")
                : notSought.Trim();
        }
    }

    /// <summary>The minutes: <c>--minutes TEXT</c> or <c>--minutes-file PATH</c> (UTF-8 text), exactly one.</summary>
    private string MinutesText(CommandContext context)
    {
        var text = context.Value(_minutes);
        var path = context.Value(_minutesFile);
        if (text is not null && path is not null)
        {
            throw new UsageException("give the minutes either as --minutes TEXT or as --minutes-file PATH, not both");
        }

        if (path is null)
        {
            return string.IsNullOrWhiteSpace(text)
                ? throw new UsageException("--minutes TEXT (or --minutes-file PATH) is required")
                : text;
        }

        string content;
        try
        {
            content = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot read the minutes from '{path}': {e.Message}");
        }

        return string.IsNullOrWhiteSpace(content) ? throw new UsageException($"--minutes-file '{path}' is empty") : content;
    }
}
