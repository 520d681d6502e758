using System.Security.Claims;
using System.Text;
using Google.Protobuf;
using Mash.Contracts.Governance.V1;
using Mash.Platform.Audit;

namespace Mash.Platform.Eventing.Governance;

/// <summary>One service's part of a case export: its records about the child, its disclosures and accesses.</summary>
internal sealed class ChildRecordsExport(GovernanceQueries queries, CallAudit audit, IEnumerable<IChildRecordExporter> exporters)
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default);

    public async Task<ServiceExport> ExportAsync(ExportChildRecordsRequest request, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var childKey = queries.ChildKeyOf(request.Child, "child", GovernanceQueries.ExportRecordId);
        audit.RequireStatedPurpose("Subject access request or case review: everything held about the child");

        var records = new List<IMessage>();
        var withheld = new List<string>();
        foreach (var exporter in exporters)
        {
            var part = await exporter.ExportAsync(childKey, caller, cancellationToken);
            records.AddRange(part.Records);
            withheld.AddRange(part.Withheld);
        }

        var (accesses, truncated) = await queries.AllAccessesAsync(childKey, cancellationToken);
        var export = new ServiceExport
        {
            Service = queries.Service,
            RecordsJson = RecordsJson(records),
            AccessesTruncated = truncated,
        };
        export.RecordsWithheld.AddRange(withheld);
        export.Disclosures.AddRange(await queries.AllDisclosuresAsync(childKey, cancellationToken));
        export.Accesses.AddRange(accesses);
        return export;
    }

    /// <summary>A JSON array of {"type", "record"}, each record in its API's JSON form.</summary>
    private static string RecordsJson(List<IMessage> records)
    {
        var json = new StringBuilder("[");
        for (var i = 0; i < records.Count; i++)
        {
            json.Append(i == 0 ? "" : ",").Append("{\"type\":").Append(System.Text.Json.JsonSerializer.Serialize(records[i].Descriptor.FullName))
                .Append(",\"record\":").Append(Json.Format(records[i])).Append('}');
        }

        return json.Append(']').ToString();
    }
}
