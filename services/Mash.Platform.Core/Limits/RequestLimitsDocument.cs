using System.Text;
using Google.Protobuf.Reflection;

namespace Mash.Platform.Limits;

/// <summary>
/// docs/request-limits.md, written from the contracts and <see cref="RequestLimits"/>, so the
/// page partners read is the table the services enforce (a test keeps the two the same).
/// </summary>
public static class RequestLimitsDocument
{
    public static string Render(IEnumerable<ServiceDescriptor> services)
    {
        var text = new StringBuilder();
        text.AppendLine("# Request limits");
        text.AppendLine();
        text.AppendLine("Every string and repeated field of every request has a maximum, checked by each service before any");
        text.AppendLine("lookup, for gRPC and REST alike. A request over one is refused with `INVALID_ARGUMENT` and a");
        text.AppendLine("`google.rpc.BadRequest` naming each field (at most 20; the message says how many more). A service may");
        text.AppendLine("refuse less than the maximum here (its own rules, in its API documentation), never more. Requests are");
        text.AppendLine("also at most 1 MB (the gateway: `Mash:Gateway:MaxRequestBodyBytes`).");
        text.AppendLine();
        text.AppendLine("No text field holds control characters; free text (`text` below) may hold tabs and line breaks.");
        text.AppendLine();
        text.AppendLine("This page is written by `MASH_WRITE_DOCS=1 dotnet test tests/Mash.Platform.Tests --filter RequestLimitsDocument`.");

        foreach (var service in services.OrderBy(s => s.FullName, StringComparer.Ordinal))
        {
            text.AppendLine();
            text.AppendLine($"## {service.FullName}");
            foreach (var method in service.Methods)
            {
                text.AppendLine();
                text.AppendLine($"### {method.Name} ({method.InputType.FullName})");
                text.AppendLine();
                var rows = Rows(method.InputType, "", []).ToList();
                if (rows.Count == 0)
                {
                    text.AppendLine("No string or repeated fields.");
                    continue;
                }

                text.AppendLine("| field | kind | maximum |");
                text.AppendLine("| --- | --- | --- |");
                foreach (var (path, limit) in rows)
                {
                    text.AppendLine($"| `{path}` | {limit.Kind.ToString().ToLowerInvariant()} | {limit.Describe()} |");
                }
            }
        }

        return text.ToString();
    }

    private static IEnumerable<(string Path, FieldLimit Limit)> Rows(MessageDescriptor message, string prefix, HashSet<string> enclosing)
    {
        if (!enclosing.Add(message.FullName))
        {
            yield break;
        }

        foreach (var field in message.Fields.InFieldNumberOrder())
        {
            var path = prefix + field.Name;
            if (RequestLimits.For(field) is { } limit)
            {
                yield return (path + (field.IsRepeated ? "[]" : ""), limit);
            }

            if (field.IsRepeated && field.FieldType == FieldType.String)
            {
                yield return (path + "[i]", RequestLimits.ForText(field.Name));
            }

            if (field.FieldType == FieldType.Message && !field.IsMap)
            {
                foreach (var row in Rows(field.MessageType, path + (field.IsRepeated ? "[i]." : "."), enclosing))
                {
                    yield return row;
                }
            }
        }

        enclosing.Remove(message.FullName);
    }
}
