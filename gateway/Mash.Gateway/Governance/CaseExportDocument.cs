using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using Mash.Contracts.Governance.V1;
using Mash.Platform.Auth;

namespace Mash.Gateway.Governance;

/// <summary>
/// A case export as one JSON document: the node, when and by whom, then each service's records
/// (as its API shows them to the caller), what was withheld, its disclosures and its accesses.
/// </summary>
internal sealed class CaseExportDocument(IConfiguration configuration, TimeProvider time)
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default);

    public string Compose(ServerCallContext context, IEnumerable<ServiceExport> parts)
    {
        var caller = CallerIdentity.From(context.GetHttpContext().User);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("node", configuration["Mash:Node:Id"] ?? "");
            json.WriteString("agency", configuration["Mash:Node:Agency"] ?? "");
            json.WriteString("exportedAt", time.GetUtcNow().UtcDateTime);
            json.WriteStartObject("exportedBy");
            json.WriteString("agency", caller.Agency);
            json.WriteString("clientId", caller.ClientId);
            json.WriteEndObject();
            json.WriteStartArray("services");
            foreach (var part in parts.OrderBy(p => p.Service, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("service", part.Service);
                json.WritePropertyName("records");
                json.WriteRawValue(part.RecordsJson.Length > 0 ? part.RecordsJson : "[]");
                json.WriteStartArray("recordsWithheld");
                foreach (var withheld in part.RecordsWithheld)
                {
                    json.WriteStringValue(withheld);
                }

                json.WriteEndArray();
                WriteMessages(json, "disclosures", part.Disclosures);
                WriteMessages(json, "accesses", part.Accesses);
                json.WriteBoolean("accessesTruncated", part.AccessesTruncated);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteMessages(Utf8JsonWriter json, string name, IEnumerable<IMessage> messages)
    {
        json.WriteStartArray(name);
        foreach (var message in messages)
        {
            json.WriteRawValue(Json.Format(message));
        }

        json.WriteEndArray();
    }
}
