using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Mash.Abuse.Tests.Infrastructure;

namespace Mash.Abuse.Tests.BadInput;

/// <summary>
/// One request per string and repeated field of every public RPC (and of the messages inside
/// them, two levels deep), each otherwise empty, with that one field past every documented
/// maximum: 200,001 characters, a NUL or ESC character, or 101 values. Each must be refused
/// before any lookup, naming that field (docs/request-limits.md).
/// </summary>
public static class OverLimitCases
{
    /// <summary>Longer than the longest text any request may hold (200,000 characters).</summary>
    public const int OverAnyLength = 200_001;

    /// <summary>More values than any repeated field may hold (100).</summary>
    public const int OverAnyCount = 101;

    public sealed record OverLimitCase(string Kind, MethodDescriptor Method, string Field, IMessage Request)
    {
        public BadInputCase ToBadInput() => BadInputCases.Case($"{Kind} {Field}", Method, RawGrpc.Frame(Request.ToByteArray()), StatusCode.InvalidArgument);
    }

    public static IReadOnlyList<OverLimitCase> Generate() =>
        [.. PublicRpcs.AllMethods.SelectMany(method => CasesOf(method, method.InputType, [], ""))];

    /// <param name="above">The message fields from the request down to <paramref name="message"/>.</param>
    private static IEnumerable<OverLimitCase> CasesOf(MethodDescriptor method, MessageDescriptor message, FieldDescriptor[] above, string prefix)
    {
        foreach (var field in message.Fields.InFieldNumberOrder())
        {
            var path = prefix + field.Name;
            if (field.IsRepeated && !field.IsMap)
            {
                yield return Build(method, "too-many", path, above, m => Fill((System.Collections.IList)field.Accessor.GetValue(m), field));
            }

            if (field.FieldType == FieldType.String)
            {
                var index = field.IsRepeated ? "[0]" : "";
                yield return Build(method, "too-long", path + index, above, m => SetText(m, field, new string('x', OverAnyLength)));
                yield return Build(method, "nul", path + index, above, m => SetText(m, field, "a\0b"));
                yield return Build(method, "escape", path + index, above, m => SetText(m, field, "a\u001b[2Jb"));
            }

            if (field.FieldType == FieldType.Message && !field.IsMap && above.Length < 2 && !field.MessageType.FullName.StartsWith("google.", StringComparison.Ordinal))
            {
                foreach (var nested in CasesOf(method, field.MessageType, [.. above, field], path + (field.IsRepeated ? "[0]." : ".")))
                {
                    yield return nested;
                }
            }
        }
    }

    private static OverLimitCase Build(MethodDescriptor method, string kind, string path, FieldDescriptor[] above, Action<IMessage> spoil)
    {
        var request = (IMessage)Activator.CreateInstance(method.InputType.ClrType)!;
        var message = request;
        foreach (var field in above)
        {
            var child = (IMessage)Activator.CreateInstance(field.MessageType.ClrType)!;
            if (field.IsRepeated)
            {
                ((System.Collections.IList)field.Accessor.GetValue(message)).Add(child);
            }
            else
            {
                field.Accessor.SetValue(message, child);
            }

            message = child;
        }

        spoil(message);
        return new OverLimitCase(kind, method, path, request);
    }

    private static void SetText(IMessage message, FieldDescriptor field, string text)
    {
        if (field.IsRepeated)
        {
            ((System.Collections.IList)field.Accessor.GetValue(message)).Add(text);
        }
        else
        {
            field.Accessor.SetValue(message, text);
        }
    }

    private static void Fill(System.Collections.IList list, FieldDescriptor field)
    {
        for (var i = 0; i < OverAnyCount; i++)
        {
            list.Add(field.FieldType switch
            {
                FieldType.String => "x",
                FieldType.Enum => 1,
                FieldType.Message => Activator.CreateInstance(field.MessageType.ClrType)!,
                FieldType.Bool => false,
                FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => 0L,
                FieldType.UInt64 or FieldType.Fixed64 => 0UL,
                FieldType.UInt32 or FieldType.Fixed32 => 0U,
                FieldType.Double => 0d,
                FieldType.Float => 0f,
                _ => 0,
            });
        }
    }
}
