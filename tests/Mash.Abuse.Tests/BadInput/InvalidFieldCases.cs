using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Mash.Abuse.Tests.Infrastructure;

namespace Mash.Abuse.Tests.BadInput;

/// <summary>
/// Well-formed messages whose values are wrong: every field of the request set to text that is
/// no id, NHS number, token or date a service issued, then variants with out-of-range enums,
/// negative numbers, oversized and hostile strings. Every RPC must refuse each one.
/// </summary>
public static class InvalidFieldCases
{
    private static readonly (string Kind, Func<FieldDescriptor, object?, object?> Change)[] Variants =
    [
        ("filled-with-text", (_, value) => value),
        ("enums-out-of-range", (field, value) => field.FieldType == FieldType.Enum ? Enum.ToObject(field.EnumType.ClrType, 999) : value),
        ("negative-numbers", (field, value) => value switch { int => -7, long => -7L, _ => value }),
        ("strings-10k", (field, value) => value is string ? new string('9', 10_000) : value),
        ("hostile-strings", (field, value) => value is string ? "'; DROP TABLE AuditEntries;--\u0000\u202E<script>" : value),
    ];

    public static IReadOnlyList<BadInputCase> Generate() =>
    [
        .. from method in PublicRpcs.AllMethods
           from variant in Variants
           let message = Build(method.InputType, variant.Change)
           // A request holding no text at all (GetDeviceBacklog's weeks only) is valid as filled: only
           // the variants that change its numbers or enums make it wrong.
           where HoldsText(method.InputType) || !message.Equals(SampleMessages.Filled(method.InputType))
           select BadInputCases.Case("typed-" + variant.Kind, method, RawGrpc.Frame(message.ToByteArray()), StatusCode.InvalidArgument)
               with { OrElse = NamesRecordById(method.InputType) ? StatusCode.NotFound : null },
    ];

    /// <summary>True when the request has a string field, at any depth the cases fill.</summary>
    private static bool HoldsText(MessageDescriptor descriptor, int depth = 0) =>
        descriptor.Fields.InFieldNumberOrder().Any(f => f.FieldType == FieldType.String
            || (f.FieldType == FieldType.Message && depth < 4 && f.MessageType.FullName.StartsWith("mash.", StringComparison.Ordinal) && HoldsText(f.MessageType, depth + 1)));

    /// <summary>Ids are opaque: a service can only say it has no such record, so NOT_FOUND is right too.</summary>
    private static bool NamesRecordById(MessageDescriptor request) =>
        request.Fields.InFieldNumberOrder().Any(f => f.FieldType == FieldType.String && f.Name.EndsWith("_id", StringComparison.Ordinal));

    private static IMessage Build(MessageDescriptor descriptor, Func<FieldDescriptor, object?, object?> change, int depth = 0)
    {
        var message = SampleMessages.Filled(descriptor, depth);
        foreach (var field in descriptor.Fields.InFieldNumberOrder().Where(f => !f.IsMap))
        {
            if (field.FieldType == FieldType.Message)
            {
                if (depth < 4 && !field.IsRepeated && field.MessageType.FullName.StartsWith("mash.", StringComparison.Ordinal))
                {
                    field.Accessor.SetValue(message, Build(field.MessageType, change, depth + 1));
                }

                continue;
            }

            if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                for (var i = 0; i < list.Count; i++)
                {
                    list[i] = change(field, list[i]);
                }
            }
            else
            {
                field.Accessor.SetValue(message, change(field, field.Accessor.GetValue(message)));
            }
        }

        return message;
    }
}
