using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SQLitePCL;

namespace Mash.Platform.Persistence;

internal sealed partial class PlainInserts
{
    /// <summary>One entity type's insert, or none when EF Core must write its rows (see <see cref="PlainInserts"/>).</summary>
    private sealed class InsertStatement
    {
        private static readonly ConcurrentDictionary<IEntityType, InsertStatement?> ByType = new();

        private readonly string _sqliteSql;
        private readonly string _postgreSqlSql;
        private readonly (IClrPropertyGetter Value, RelationalTypeMapping Mapping, string Parameter, bool Nullable)[] _columns;
        // The row's sequence number, which the database assigns; null when the type has none.
        private readonly IProperty? _sequence;

        private InsertStatement(IEntityType type, IProperty? sequence)
        {
            _sequence = sequence;
            var (table, name) = ModelSql.TableOf(type);
            var properties = type.GetProperties().Where(p => p != sequence).ToArray();
            _columns = [.. properties.Select((p, i) => (p.GetGetter(), (RelationalTypeMapping)p.GetRelationalTypeMapping(), $"@v{i}", p.IsNullable))];
            var into = $"INSERT INTO {name} ({string.Join(", ", properties.Select(p => ModelSql.Column(p, table)))}) VALUES ";
            _sqliteSql = $"{into}({string.Join(", ", _columns.Select(c => c.Parameter))})";
            _postgreSqlSql = $"{into}({string.Join(", ", _columns.Select((_, i) => $"${i + 1}"))})"
                + (sequence is null ? "" : $" RETURNING {ModelSql.Column(sequence, table)}");
        }

        /// <summary>True when the database gives the row its sequence number, which the insert reads back.</summary>
        public bool ReturnsSequence => _sequence is not null;

        public static InsertStatement? For(IEntityType type) => ByType.GetOrAdd(type, Build);

        /// <summary>
        /// False when <paramref name="entry"/>'s sequence number was set by the code (not EF Core's temporary
        /// value): the database would be asked for another, so EF Core writes it.
        /// </summary>
        public bool Generates(EntityEntry entry) => _sequence is null || entry.Property(_sequence).IsTemporary;

        public void RunOnSqlite(SqliteConnection connection, DbTransaction transaction, EntityEntry entry)
        {
            using (var lease = KeptStatements.Lease(connection, _sqliteSql))
            {
                var command = lease.Command;
                command.Transaction = transaction;
                var entity = entry.Entity;
                foreach (var (value, mapping, parameter, nullable) in _columns)
                {
                    // The mapping converts as EF Core does (UTC times, enums, booleans), so the row reads back the same.
                    command.Parameters.Add(mapping.CreateParameter(command, parameter, value.GetClrValue(entity), nullable));
                }

                command.ExecuteNonQuery();
            }

            if (_sequence is not null)
            {
                // The number SQLite gave the row just inserted on this connection, as EF Core reads it back.
                Assign(entry, raw.sqlite3_last_insert_rowid(connection.Handle));
            }
        }

        /// <summary>The row's insert as a statement of a batch, its values positional and converted as EF Core converts them.</summary>
        public NpgsqlBatchCommand ForPostgreSql(EntityEntry entry)
        {
            var command = new NpgsqlBatchCommand(_postgreSqlSql);
            var entity = entry.Entity;
            foreach (var (value, mapping, _, nullable) in _columns)
            {
                command.Parameters.Add(BatchParameters.Positional(mapping, value.GetClrValue(entity), nullable));
            }

            return command;
        }

        /// <summary>The sequence number the database gave the row, set as EF Core sets a generated key.</summary>
        public void Assign(EntityEntry entry, object assigned)
        {
            var property = entry.Property(_sequence!);
            property.CurrentValue = Convert.ChangeType(assigned, _sequence!.ClrType, CultureInfo.InvariantCulture);
            property.IsTemporary = false;
        }

        private static InsertStatement? Build(IEntityType type)
        {
            // A foreign key's row EF Core orders after its principal's.
            if (!ModelSql.IsPlainRow(type) || type.GetForeignKeys().Any())
            {
                return null;
            }

            var sequence = SequenceOf(type);
            return type.GetProperties().Any(p => p.ValueGenerated != ValueGenerated.Never && p != sequence)
                ? null
                : new InsertStatement(type, sequence);
        }

        /// <summary>A key of one integer column generated on insert: the database's sequence, whose value it assigns.</summary>
        private static IProperty? SequenceOf(IEntityType type) =>
            type.FindPrimaryKey() is { Properties: [var key] } && key.ValueGenerated == ValueGenerated.OnAdd
                && (key.ClrType == typeof(long) || key.ClrType == typeof(int)) && key.GetValueConverter() is null
                ? key
                : null;
    }
}
