using Mash.Platform.Limits;

namespace Mash.Platform.Errors;

/// <summary>The checks most requests' fields share: ids, texts and enums, each refused with a field violation.</summary>
public static class FieldChecks
{
    public static FieldViolations CheckId(this FieldViolations v, string field, string id, string what) => v
        .Require(id.Length > 0, field, $"Name the {what}.")
        .Require(id.Length <= RequestLimits.MaxIdLength, field, $"Not a {what} id.");

    public static FieldViolations CheckText(this FieldViolations v, string field, string text, int max, string whenMissing) => v
        .Require(!string.IsNullOrWhiteSpace(text), field, whenMissing)
        .Require(text.Length <= max, field, $"At most {max} characters.");

    public static FieldViolations CheckOptionalText(this FieldViolations v, string field, string text, int max) =>
        v.Require(text.Length <= max, field, $"At most {max} characters.");

    /// <summary>A value of the enum other than its UNSPECIFIED zero.</summary>
    public static FieldViolations CheckKnown<TEnum>(this FieldViolations v, string field, TEnum value, string whenMissing)
        where TEnum : struct, Enum =>
        v.Require(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) != 0 && Enum.IsDefined(value), field, whenMissing);
}
