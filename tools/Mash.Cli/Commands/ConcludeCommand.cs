using System.Text;
using Mash.Contracts.Strategy.V1;

namespace Mash.Cli;

/// <summary>
/// <c>conclude</c>: the discussion's decisions and minutes. The service shares them with every
/// participating agency's node; concluding again with the same content is a harmless retry.
/// </summary>
internal sealed class ConcludeCommand : ICliCommand
{
    public string Name => "conclude";

    public IReadOnlyList<string> Options =>
    [
        "id", "information", "s47", "investigation", "abe", "medical", "conduct", "action", "legal-action",
        "family-told", "permission-sought", "permission-not-sought-reason", "minutes", "minutes-file", "document-ref", "held-at",
    ];

    public async Task<int> RunAsync(CommandContext context)
    {
        var args = context.Arguments;
        var id = args.Require("id");
        var decisions = new Decisions
        {
            InformationShared = args.Require("information"),
            S47Enquiry = args.Has("s47"),
            CriminalInvestigation = new CriminalInvestigation
            {
                Kind = Choices.Parse("investigation", args.Require("investigation"), Choices.InvestigationKinds),
                AbeInterview = args.Has("abe"),
                MedicalExamination = args.Has("medical"),
                ConductAndTiming = args.Value("conduct")?.Trim() ?? "",
            },
            WhatTheFamilyIsTold = args.Require("family-told"),
        };
        decisions.Actions.AddRange(args.ValuesAsGiven("action").Select(StrategyValues.Action));
        if (args.Value("legal-action") is { } legal)
        {
            decisions.LegalActionNeeded = !string.IsNullOrWhiteSpace(legal)
                ? true
                : throw new UsageException("--legal-action needs the legal action to be taken (leave it out when none is needed)");
            decisions.LegalActionDetails = legal.Trim();
        }

        SetPermission(args, decisions);
        var request = new ConcludeDiscussionRequest
        {
            DiscussionId = id,
            Decisions = decisions,
            Minutes = new Minutes { Text = MinutesText(args), DocumentReference = args.Value("document-ref")?.Trim() ?? "" },
        };
        if (args.Value("held-at") is { } heldAt)
        {
            request.HeldAt = LocalTimes.Parse("held-at", heldAt);
        }

        var discussion = await context.Strategy.ConcludeDiscussionAsync(request, await context.CallOptionsAsync());
        DiscussionOutput.Write(context, discussion);
        return 0;
    }

    /// <summary>Parental permission for the checks: sought, or why not; exactly one of the two.</summary>
    private static void SetPermission(Arguments args, Decisions decisions)
    {
        var sought = args.Has("permission-sought");
        var notSought = args.Value("permission-not-sought-reason");
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
    private static string MinutesText(Arguments args)
    {
        var text = args.Value("minutes");
        var path = args.Value("minutes-file");
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
