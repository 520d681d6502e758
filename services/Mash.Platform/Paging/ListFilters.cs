using Mash.Platform.Errors;

namespace Mash.Platform.Paging;

/// <summary>The size rule of a list request's repeated filters (statuses, RAGs, roles), the same on every list.</summary>
public static class ListFilters
{
    /// <summary>Values one filter may name: more than any filter has is a malformed request.</summary>
    public const int MaxValues = 10;

    /// <summary>Each repeated filter holds at most <see cref="MaxValues"/> values, checked before any work.</summary>
    public static FieldViolations CheckFilterSizes(this FieldViolations v, params (string Field, int Count)[] filters)
    {
        foreach (var (field, count) in filters)
        {
            v.Require(count <= MaxValues, field, $"At most {MaxValues} values.");
        }

        return v;
    }
}
