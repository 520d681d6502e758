using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Mash.Platform.Errors;

namespace Mash.Platform.Limits;

/// <summary>
/// Walks a request message and names every string and repeated field over its limit
/// (<see cref="RequestLimits"/>). A repeated field over its limit is not walked: the caller
/// learns the count is wrong without the service reading 50,000 items.
/// </summary>
public static class RequestLimitChecker
{
    public static FieldViolations Check(IMessage request)
    {
        var violations = new FieldViolations();
        Walk(request, "", violations);
        return violations;
    }

    private static void Walk(IMessage message, string prefix, FieldViolations violations)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var path = prefix + field.Name;
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                CheckList(field, path, ((IDictionary)value).Count, violations);
            }
            else if (field.IsRepeated)
            {
                var items = (IList)value;
                if (CheckList(field, path, items.Count, violations))
                {
                    for (var i = 0; i < items.Count; i++)
                    {
                        CheckValue(field, $"{path}[{i}]", items[i], violations);
                    }
                }
            }
            else
            {
                CheckValue(field, path, value, violations);
            }
        }
    }

    private static bool CheckList(FieldDescriptor field, string path, int count, FieldViolations violations)
    {
        var limit = RequestLimits.For(field)!;
        violations.Require(count <= limit.Maximum, path, $"At most {limit.Maximum} values (this request has {count}).");
        return count <= limit.Maximum;
    }

    private static void CheckValue(FieldDescriptor field, string path, object? value, FieldViolations violations)
    {
        switch (value)
        {
            case string text:
                CheckText(RequestLimits.ForText(field.Name), path, text, violations);
                break;
            case IMessage nested when field.FieldType == FieldType.Message:
                Walk(nested, path + ".", violations);
                break;
        }
    }

    private static void CheckText(FieldLimit limit, string path, string text, FieldViolations violations)
    {
        if (text.Length > limit.Maximum)
        {
            violations.Add(path, $"At most {limit.Maximum} characters (this value has {text.Length}).");
        }
        else if (RequestLimits.FirstForbiddenCharacter(limit.Kind, text) is { } at)
        {
            violations.Add(path, limit.Kind == FieldKind.Text
                ? $"Holds a control character (U+{(int)text[at]:X4} at position {at}); free text may hold tabs and line breaks, no other control characters."
                : $"Holds a control character (U+{(int)text[at]:X4} at position {at}); this field holds one line of text.");
        }
    }
}
