namespace Mash.Cli.Tests.Support;

/// <summary>
/// Every command and the options it took before the move to System.CommandLine, written out here
/// rather than read from the code, so a command or an option that goes missing fails a test.
/// </summary>
internal static class KnownOptions
{
    public static readonly string[] Shared =
        ["--gateway", "--cacert", "--token-url", "--client", "--secret", "--data-dir", "--scope", "--token", "--purpose", "--lawful-basis", "--json"];

    private static readonly string[] Child = ["--nhs", "--given", "--family", "--dob"];
    private static readonly string[] Paging = ["--page-size", "--page-token", "--all"];
    private static readonly string[] Suspect =
        ["--suspect-age", "--suspect-band", "--suspect-relationship", "--offender", "--suspect-description", "--platform", "--place"];

    public static readonly IReadOnlyDictionary<string, string[]> ByCommand = new Dictionary<string, string[]>
    {
        ["token"] = [],
        ["submit"] = ["--file", "--received-at", "--key"],
        ["get"] = ["--id"],
        ["list"] = ["--status", "--rag", "--role", "--overdue", "--awaiting-outcome", .. Paging],
        ["screen"] = ["--id", "--rag", "--rationale"],
        ["decide"] = ["--id", "--outcome", "--rationale", "--lateness-reason"],
        ["assessments"] = ["--status", "--overdue", "--referral", .. Child, .. Paging],
        ["assessment"] = ["--id"],
        ["check"] = ["--id", "--agency", "--result", "--found"],
        ["complete"] = ["--id", "--risk", "--rag", "--rationale", "--significant-harm"],
        ["screen-cse"] = ["--indicator", "--nhs", "--dob"],
        ["raise-flag"] = [.. Child, "--risk", "--reason", "--evidence", .. Suspect, "--key"],
        ["review-flag"] = ["--id", "--risk", "--reason", "--evidence", .. Suspect],
        ["clear-flag"] = ["--id", "--reason", "--evidence"],
        ["profile"] = Child,
        ["high-risk"] = Paging,
        ["discussions"] = [.. Child, "--status", .. Paging],
        ["discussion"] = ["--id"],
        ["outstanding-discussions"] = Paging,
        ["overdue-discussions"] = Paging,
        ["require-discussion"] = [.. Child, "--reason", "--follows", "--key"],
        ["schedule"] = ["--id", "--at", "--format", "--invite"],
        ["attendance"] = ["--id", "--present", "--absent"],
        ["conclude"] =
        [
            "--id", "--information", "--s47", "--investigation", "--abe", "--medical", "--conduct", "--action", "--legal-action",
            "--family-told", "--permission-sought", "--permission-not-sought-reason", "--minutes", "--minutes-file", "--document-ref", "--held-at",
        ],
        ["complete-action"] = ["--id", "--action"],
        ["overdue-actions"] = Paging,
        ["report"] = ["--from", "--to", "--area", "--out"],
    };

    public static TheoryData<string> Commands => [.. ByCommand.Keys];
}
