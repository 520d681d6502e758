using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Mash.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mash.Platform.Audit;

/// <summary>
/// Inserts audit entries in plain SQL: the entries of a group commit's reads are written at every
/// commit, and EF Core's change tracking and update pipeline cost more than the rows. Table, columns
/// and each value's conversion come from the context's model, as EF Core would write them.
/// </summary>
internal static class AuditEntryInsert
{
    /// <summary>Well under SQLite's and PostgreSQL's limits on a statement's parameters (17 per row).</summary>
    private const int RowsPerStatement = 100;

    private static readonly ConditionalWeakTable<IModel, Statement> Statements = [];

    public static async Task WriteAsync(AuditedDbContext db, DbTransaction transaction, IReadOnlyList<AuditEntry> entries)
    {
        var statement = Statements.GetValue(db.Model, Statement.For);
        var connection = db.Database.GetDbConnection();
        for (var start = 0; start < entries.Count; start += RowsPerStatement)
        {
            var rows = Math.Min(RowsPerStatement, entries.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = statement.Sql(rows);
            for (var row = 0; row < rows; row++)
            {
                statement.Bind(command, row, entries[start + row]);
            }

            await command.ExecuteNonQueryAsync();
        }
    }

    private sealed class Statement(string insertInto, IReadOnlyList<(IProperty Property, RelationalTypeMapping Mapping)> columns)
    {
        private readonly ConcurrentDictionary<int, string> _sqlByRows = new();

        public static Statement For(IModel model)
        {
            var table = AuditEntriesTable.Of(model);
            var properties = table.Entries.GetProperties().ToList();
            return new Statement($"INSERT INTO {table.Name} ({string.Join(", ", properties.Select(table.Column))}) VALUES ",
                [.. properties.Select(p => (p, (RelationalTypeMapping)p.GetRelationalTypeMapping()))]);
        }

        public string Sql(int rows) => _sqlByRows.GetOrAdd(rows, count => insertInto + string.Join(", ",
            Enumerable.Range(0, count).Select(row => "(" + string.Join(", ", columns.Select((_, column) => Parameter(row, column))) + ")")));

        public void Bind(DbCommand command, int row, AuditEntry entry)
        {
            for (var column = 0; column < columns.Count; column++)
            {
                var (property, mapping) = columns[column];
                // The mapping converts as EF Core does (UTC times, enums), so the stored row hashes the same.
                command.Parameters.Add(mapping.CreateParameter(command, Parameter(row, column), property.GetGetter().GetClrValue(entry), nullable: false));
            }
        }

        private static string Parameter(int row, int column) => $"@a{row}_{column}";
    }
}
