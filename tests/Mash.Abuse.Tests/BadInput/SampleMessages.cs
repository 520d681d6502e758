using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Mash.Abuse.Tests.BadInput;

/// <summary>
/// A well-formed message of any request type, every field set to a plain value, as raw
/// material for mutation: its bytes are valid protobuf, whatever a service makes of them.
/// </summary>
public static class SampleMessages
{
    public static IMessage Filled(MessageDescriptor descriptor, int depth = 0)
    {
        var message = (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
        foreach (var field in descriptor.Fields.InFieldNumberOrder())
        {
            if (field.IsMap)
            {
                continue;
            }

            var value = ValueOf(field, depth);
            if (value is null)
            {
                continue;
            }

            if (field.IsRepeated)
            {
                ((IList)field.Accessor.GetValue(message)).Add(value);
            }
            else
            {
                field.Accessor.SetValue(message, value);
            }
        }

        return message;
    }

    private static object? ValueOf(FieldDescriptor field, int depth) => field.FieldType switch
    {
        FieldType.String => "sample " + field.Name,
        FieldType.Bool => true,
        FieldType.Bytes => ByteString.CopyFromUtf8("sample"),
        FieldType.Double => 1.5d,
        FieldType.Float => 1.5f,
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => 3,
        FieldType.UInt32 or FieldType.Fixed32 => 3u,
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => 3L,
        FieldType.UInt64 or FieldType.Fixed64 => 3UL,
        FieldType.Enum => Enum.ToObject(field.EnumType.ClrType, field.EnumType.Values.Select(v => v.Number).FirstOrDefault(n => n != 0)),
        FieldType.Message when depth < 4 => Filled(field.MessageType, depth + 1),
        _ => null,
    };

    /// <summary>True when the bytes are not a message of this type at all (the parser refuses them).</summary>
    public static bool IsUnparseable(MessageDescriptor descriptor, byte[] bytes)
    {
        try
        {
            descriptor.Parser.ParseFrom(bytes);
            return false;
        }
        catch (InvalidProtocolBufferException)
        {
            return true;
        }
    }
}
