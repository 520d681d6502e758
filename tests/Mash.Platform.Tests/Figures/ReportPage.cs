using System.Collections;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Mash.Platform.Tests.Figures;

/// <summary>
/// The report page read back as a test reads it: each <c>data-figure</c> path with the text it shows, and the same
/// paths resolved in the message ("referrals.stages[0].on_time", "custody.by_legal_status[CHARGED]").
/// </summary>
internal static partial class ReportPage
{
    public static IReadOnlyList<(string Path, string Text)> Figures(string html) =>
        [.. FigureCell().Matches(html).Select(m => (WebUtility.HtmlDecode(m.Groups["path"].Value), WebUtility.HtmlDecode(m.Groups["text"].Value)))];

    /// <summary>The field's value at a path: a scalar, a repeated element's field, a map's value.</summary>
    public static object Resolve(IMessage message, string path)
    {
        object current = message;
        foreach (var segment in path.Split('.'))
        {
            var match = Segment().Match(segment);
            Assert.True(match.Success, $"'{segment}' of '{path}' is not a field path");
            var owner = Assert.IsAssignableFrom<IMessage>(current);
            var field = owner.Descriptor.FindFieldByName(match.Groups["name"].Value);
            Assert.True(field is not null, $"'{path}': {owner.Descriptor.FullName} has no field {match.Groups["name"].Value}");
            current = field.Accessor.GetValue(owner);
            if (match.Groups["key"].Success)
            {
                var key = match.Groups["key"].Value;
                current = field.IsMap ? ((IDictionary)current)[key]! : ((IList)current)[int.Parse(key, CultureInfo.InvariantCulture)]!;
            }
        }

        return current;
    }

    /// <summary>Every number in the message with its path: what the page must show, each under its own name.</summary>
    public static IEnumerable<(string Path, object Value)> NumericLeaves(IMessage message, string prefix = "")
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var path = prefix + field.Name;
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    yield return ($"{path}[{entry.Key}]", entry.Value!);
                }
            }
            else if (field.IsRepeated)
            {
                var list = (IList)value;
                for (var i = 0; i < list.Count; i++)
                {
                    foreach (var leaf in Leaves(field, list[i]!, $"{path}[{i}]"))
                    {
                        yield return leaf;
                    }
                }
            }
            else
            {
                foreach (var leaf in Leaves(field, value, path))
                {
                    yield return leaf;
                }
            }
        }
    }

    /// <summary>Whether the page's text is the message's value, as the page writes it (thousands separated, one decimal).</summary>
    public static bool Shows(object value, string text) => value switch
    {
        int or long => long.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) == Convert.ToInt64(value, CultureInfo.InvariantCulture),
        double d => double.Parse(text, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) == Math.Round(d, 1, MidpointRounding.AwayFromZero),
        string s => s == text,
        _ => throw new InvalidOperationException($"no comparison for {value.GetType().Name}"),
    };

    private static IEnumerable<(string Path, object Value)> Leaves(FieldDescriptor field, object value, string path) =>
        field.FieldType switch
        {
            // A time is shown as a date in the header or a label, not as a figure.
            FieldType.Message when value is Timestamp => [],
            FieldType.Message when value is IMessage inner => NumericLeaves(inner, path + "."),
            FieldType.Int32 or FieldType.Int64 or FieldType.Double => [(path, value)],
            _ => [],
        };

    [GeneratedRegex("""data-figure="(?<path>[^"]*)"[^>]*>(?<text>[^<]*)<""")]
    private static partial Regex FigureCell();

    [GeneratedRegex(@"^(?<name>[a-z0-9_]+)(\[(?<key>[^\]]*)\])?$")]
    private static partial Regex Segment();
}
