using System.CommandLine;
using Mash.Contracts.Governance.V1;

namespace Mash.Cli;

/// <summary><c>export</c>: everything the node holds about a child, as one JSON document.</summary>
internal sealed class ExportCommand : ICliCommand
{
    private readonly ChildOptions _child = new(requireNhs: false);

    public ExportCommand() => Definition = new Command("export",
        "Everything this node holds about a child (records, disclosures, accesses) as one JSON document, for a subject access "
        + "request or a case review; itself audited [Governance.Read].").With(_child.All);

    public Command Definition { get; }

    public ExportChildRecordsRequest Request(CommandContext context) => new() { Child = _child.From(context) };

    public async Task<int> RunAsync(CommandContext context)
    {
        var answer = await context.Governance.ExportChildRecordsAsync(Request(context), await context.CallOptionsAsync());
        // The document is JSON already, with or without --json.
        context.Out.WriteLine(answer.DocumentJson);
        return 0;
    }
}
