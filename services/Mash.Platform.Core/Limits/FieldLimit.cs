namespace Mash.Platform.Limits;

/// <summary>What a field of a request may hold: how it reads (its kind) and its maximum.</summary>
/// <param name="Kind">How the field is read, which decides its maximum and the characters it may hold.</param>
/// <param name="Maximum">Characters for a string, values for a repeated field.</param>
public sealed record FieldLimit(FieldKind Kind, int Maximum)
{
    public string Describe() => Kind switch
    {
        FieldKind.Filter or FieldKind.List => $"at most {Maximum} values",
        FieldKind.Text => $"at most {Maximum:N0} characters; tab and line breaks allowed, no other control characters",
        _ => $"at most {Maximum:N0} characters, no control characters",
    };
}

/// <summary>The kinds of request field the platform limits, named by what a caller puts in them.</summary>
public enum FieldKind
{
    /// <summary>An id of a record (referral_id, offender_id, …): short and exact.</summary>
    Identifier,

    /// <summary>A node's id (referring_node, destination_node, …).</summary>
    NodeId,

    /// <summary>An idempotency key.</summary>
    Key,

    /// <summary>A page token this service issued.</summary>
    PageToken,

    /// <summary>A person's or organisation's name: one line.</summary>
    Name,

    /// <summary>Free text (rationales, minutes, descriptions): may hold tabs and line breaks.</summary>
    Text,

    /// <summary>A repeated enum: a list request's filter.</summary>
    Filter,

    /// <summary>Any other repeated field.</summary>
    List,
}
