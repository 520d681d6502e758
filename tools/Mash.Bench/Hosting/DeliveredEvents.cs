using Mash.Bench.Scenarios;
using Mash.Node.Hosting;
using Mash.Testing.Nodes;

namespace Mash.Bench.Hosting;

/// <summary>
/// Makes two nodes look as if they had shared a great many CSE flags already, without the hours that sharing
/// them one by one would take: with both assessment services stopped, every table the flag's path writes and
/// looks up is filled with copies of the rows the real flags left (<see cref="TableCopies"/>, each copy an
/// event of its own: new event, flag, message and child ids), and the services are started again. At the
/// police node: the flags, their history, the outbox, the delivery receipts and the disclosure log; at the
/// social care node: the partner entries, the inbox and the children known. (The audit chains are left as
/// they are: each entry links to the one before, and every scenario already adds tens of thousands.)
/// </summary>
public static class DeliveredEvents
{
    private static readonly string[] PoliceTables = ["CseFlags", "CseFlagHistory", "Outbox", "DeliveryReceipts", "Disclosures"];
    private static readonly string[] SocialCareTables = ["PartnerRisks", "Inbox", "KnownChildren"];
    // A copy is an event sent long ago: were one left unpublished, the relay would send it to the partner now.
    private static readonly Dictionary<string, string> Published = new() { ["PublishedAt"] = "COALESCE(r.\"PublishedAt\", strftime('%Y-%m-%d %H:%M:%f', 'now'))" };

    public static async Task FillAsync(BenchContext context, NodeClient police, NodeClient socialCare, int delivered)
    {
        context.Log.WriteLine($"{CrossNodeFlags.Name}: filling both nodes as if {delivered:N0} flags had been shared...");
        foreach (var (node, tables) in new[] { (police, PoliceTables), (socialCare, SocialCareTables) })
        {
            await node.Node.Service(ServiceSpec.Assessment).KillAsync();
            var file = Path.Combine(node.Options.NodeDataDirectory, "assessment.db");
            foreach (var table in tables)
            {
                var rows = await TableCopies.FillAsync(file, table, delivered, distinctUniqueColumns: true, copyValues: table == "Outbox" ? Published : null);
                context.Log.WriteLine($"  {node.Node.Options.NodeId} {table}: {rows:N0} rows");
            }

            await node.Node.StartAsync(ServiceSpec.Assessment);
        }

        await ProcessStats.WaitUntilQuietAsync(
            police.Node.Processes.Concat(socialCare.Node.Processes).Where(p => !p.HasExited).Select(p => p.Id), TimeSpan.FromMinutes(2));
    }
}
