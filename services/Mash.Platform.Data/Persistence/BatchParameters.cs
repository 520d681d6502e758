using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Mash.Platform.Persistence;

/// <summary>Positional values for the statements of an <see cref="NpgsqlBatch"/>, converted as EF Core converts them.</summary>
internal static class BatchParameters
{
    // A mapping makes its parameter through a command; a batch's statement has none, and this one is never run.
    private static readonly NpgsqlCommand Factory = new();

    /// <summary>A positional (unnamed) value converted by <paramref name="mapping"/>, the model's for its column.</summary>
    public static System.Data.Common.DbParameter Positional(RelationalTypeMapping mapping, object? value, bool nullable) =>
        mapping.CreateParameter(Factory, "", value, nullable);
}
