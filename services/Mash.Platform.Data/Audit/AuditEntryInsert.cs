using System.Data.Common;
using Mash.Platform.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Mash.Platform.Audit;

/// <summary>
/// Inserts audit entries in plain SQL: every save in a group commit, a read's or a change's, writes
/// its entries, and EF Core's change tracking and update pipeline cost more than the rows. Table, columns
/// and each value's conversion come from the context's model, as EF Core would write them.
/// </summary>
internal static class AuditEntryInsert
{
    /// <summary>Well under PostgreSQL's limit on a statement's parameters (17 per row): one round trip for a batch.</summary>
    private const int RowsPerStatementOnServer = 100;

    /// <summary>
    /// SQLite finds each named parameter it binds by a linear search of the statement's names, so binding a statement of
    /// n rows costs in proportion to n²: with 16 readers, 1.4 % of the node's CPU went to that search. One row a
    /// statement, kept prepared and run again, costs no round trip in a library.
    /// </summary>
    private const int RowsPerStatementOnSqlite = 1;

    /// <param name="before">Statements sent in the same command as the first insert (a savepoint), run even when there are no entries.</param>
    public static async Task WriteAsync(AuditedDbContext db, DbTransaction transaction, IReadOnlyList<AuditEntry> entries, string before)
    {
        var sql = AuditEntriesSql.For(db.Model);
        var connection = db.Database.GetDbConnection();
        if (entries.Count == 0)
        {
            await using var alone = KeptStatements.Lease(connection, before);
            alone.Command.Transaction = transaction;
            await alone.Command.ExecuteNonQueryAsync();
            return;
        }

        var rowsPerStatement = connection is SqliteConnection ? RowsPerStatementOnSqlite : RowsPerStatementOnServer;
        for (var start = 0; start < entries.Count; start += rowsPerStatement)
        {
            var rows = Math.Min(rowsPerStatement, entries.Count - start);
            await using var lease = KeptStatements.Lease(connection, start == 0 ? $"{before} {sql.Insert(rows)}" : sql.Insert(rows));
            var command = lease.Command;
            command.Transaction = transaction;
            for (var row = 0; row < rows; row++)
            {
                Bind(command, sql, row, entries[start + row]);
            }

            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// The same writes as statements of a PostgreSQL batch: <paramref name="before"/> (a savepoint) first, then the
    /// entries, to be sent in one round trip with the save's own rows (<see cref="PlainInserts.SendFirst"/>).
    /// </summary>
    public static List<NpgsqlBatchCommand> ForBatch(AuditedDbContext db, IReadOnlyList<AuditEntry> entries, IReadOnlyList<string> before)
    {
        var sql = AuditEntriesSql.For(db.Model);
        var commands = before.Select(statement => new NpgsqlBatchCommand(statement)).ToList();
        for (var start = 0; start < entries.Count; start += RowsPerStatementOnServer)
        {
            var rows = Math.Min(RowsPerStatementOnServer, entries.Count - start);
            var insert = new NpgsqlBatchCommand(sql.PositionalInsert(rows));
            for (var row = 0; row < rows; row++)
            {
                foreach (var (property, mapping) in sql.Columns)
                {
                    insert.Parameters.Add(BatchParameters.Positional(mapping, property.GetGetter().GetClrValue(entries[start + row]), nullable: false));
                }
            }

            commands.Add(insert);
        }

        return commands;
    }

    private static void Bind(DbCommand command, AuditEntriesSql sql, int row, AuditEntry entry)
    {
        var names = sql.ParametersOf(row);
        for (var column = 0; column < sql.Columns.Count; column++)
        {
            var (property, mapping) = sql.Columns[column];
            // The mapping converts as EF Core does (UTC times, enums), so the stored row hashes the same.
            command.Parameters.Add(mapping.CreateParameter(
                command, names[column], property.GetGetter().GetClrValue(entry), nullable: false));
        }
    }
}
