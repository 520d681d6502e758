using Google.Protobuf.Reflection;

namespace Mash.Platform.Limits;

/// <summary>
/// The one table of request limits: every string and repeated field of every request, by its
/// kind, read from the field's proto name and type. Checked before any lookup
/// (<see cref="RequestLimitsInterceptor"/>); listed for partners in docs/request-limits.md.
/// A service may refuse less (a referral lists at most 50 household members), never more.
/// </summary>
/// <remarks>
/// A caller's huge id, or 50,000 filter values, once cost seconds of one service's time and
/// reached other agencies' calls as an outage; bounds here make every such request a cheap
/// INVALID_ARGUMENT. The maximums sit above every limit a service checks itself.
/// </remarks>
public static class RequestLimits
{
    public const int MaxIdLength = 64;
    public const int MaxNodeIdLength = 100;
    public const int MaxKeyLength = 128;

    /// <summary>A transport message's id: Service Bus allows 128 characters.</summary>
    public const int MaxMessageIdLength = 128;
    public const int MaxPageTokenLength = 512;
    public const int MaxNameLength = 1_000;

    /// <summary>The longest free text any request holds (a discussion's minutes); messages are at most 1 MB too.</summary>
    public const int MaxTextLength = 200_000;

    /// <summary>Values one list filter (statuses, RAGs, roles) may name: more than any filter has.</summary>
    public const int MaxFilterValues = 10;

    /// <summary>Items of any other repeated field (participants, household members, …).</summary>
    public const int MaxListItems = 100;

    // One instance per kind: every request walks its fields through these, so none are allocated per call.
    private static readonly FieldLimit Filter = new(FieldKind.Filter, MaxFilterValues);
    private static readonly FieldLimit List = new(FieldKind.List, MaxListItems);
    private static readonly FieldLimit PageToken = new(FieldKind.PageToken, MaxPageTokenLength);
    private static readonly FieldLimit Key = new(FieldKind.Key, MaxKeyLength);
    private static readonly FieldLimit NodeId = new(FieldKind.NodeId, MaxNodeIdLength);
    private static readonly FieldLimit MessageId = new(FieldKind.Identifier, MaxMessageIdLength);
    private static readonly FieldLimit Identifier = new(FieldKind.Identifier, MaxIdLength);
    private static readonly FieldLimit Name = new(FieldKind.Name, MaxNameLength);
    private static readonly FieldLimit Text = new(FieldKind.Text, MaxTextLength);

    /// <summary>The limit of a string or repeated field; null for a field holding neither (numbers, dates, nested messages).</summary>
    public static FieldLimit? For(FieldDescriptor field)
    {
        if (field.IsRepeated)
        {
            return field.FieldType == FieldType.Enum ? Filter : List;
        }

        return field.FieldType == FieldType.String ? ForText(field.Name) : null;
    }

    /// <summary>The limit of one string, by its proto field name (also the items of a repeated string).</summary>
    public static FieldLimit ForText(string name) => name switch
    {
        "page_token" => PageToken,
        "idempotency_key" => Key,
        _ when name.EndsWith("node", StringComparison.Ordinal) || name.EndsWith("node_id", StringComparison.Ordinal) => NodeId,
        "message_id" => MessageId,
        "id" or "nhs_number" => Identifier,
        _ when name.EndsWith("_id", StringComparison.Ordinal) => Identifier,
        _ when name == "name" || name.EndsWith("_name", StringComparison.Ordinal) => Name,
        _ => Text,
    };

    /// <summary>The first character a field of this kind may not hold, or null: controls everywhere, but tab and line breaks in free text.</summary>
    public static int? FirstForbiddenCharacter(FieldKind kind, string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) && !(kind == FieldKind.Text && c is '\t' or '\n' or '\r'))
            {
                return i;
            }
        }

        return null;
    }
}
