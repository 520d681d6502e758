using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Mash.Platform.Persistence;

/// <summary>
/// A save on SQLite that only adds rows, made inside a transaction whose owner undoes a failed save itself (the
/// group commit, which turns EF Core's savepoints off and rolls back to its own), is written as plain inserts,
/// each kept prepared on the connection, instead of through EF Core's update pipeline: a submit's referral, outbox
/// and disclosure rows, a delivered event's inbox row and what its handler added. Table, columns and each value's
/// conversion come from the model, as EF Core would write them (as <see cref="Audit.AuditEntryInsert"/> does).
/// </summary>
/// <remarks>
/// Any other save goes through EF Core unchanged: one that changes or deletes a row, or adds a row of a type whose
/// row EF Core completes or orders itself (a value the database generates other than a row's own sequence number,
/// a foreign key, an owned or complex part, a shadow property, a table shared with another type). A sequence number
/// (an outbox row's, a disclosure's) is left to SQLite and read back from the connection, as EF Core would. A failed
/// insert is reported as EF Core reports it, a <see cref="DbUpdateException"/> over the provider's, so callers'
/// handling (a unique violation) is the same.
/// The rows are marked saved only once every interceptor has seen the save (the outbox's looks for its added rows).
/// </remarks>
internal sealed class PlainInserts : SaveChangesInterceptor
{
    public static readonly PlainInserts Interceptor = new();

    // The saves written here, whose entries are marked saved once EF Core's own interceptors have seen them.
    private static readonly ConditionalWeakTable<DbContext, object> Written = [];

    private PlainInserts()
    {
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        result.HasResult || eventData.Context is not { } context || TryWrite(context) is not { } rows
            ? result
            : InterceptionResult<int>.SuppressWithResult(rows);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SavingChanges(eventData, result));

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && Written.Remove(context))
        {
            // What EF Core's own save does on success: the added entities are now stored as they are.
            context.ChangeTracker.AcceptAllChanges();
        }

        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SavedChanges(eventData, result));

    /// <summary>The rows written, or null when the save is left to EF Core (nothing written then).</summary>
    private static int? TryWrite(DbContext context)
    {
        var database = context.Database;
        if (database.AutoSavepointsEnabled || database.CurrentTransaction?.GetDbTransaction() is not SqliteTransaction transaction)
        {
            return null;
        }

        var added = new List<(EntityEntry Entry, InsertStatement Insert)>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Unchanged)
            {
                continue;
            }

            if (entry.State != EntityState.Added || InsertStatement.For(entry.Metadata) is not { } insert || !insert.Generates(entry))
            {
                return null;
            }

            added.Add((entry, insert));
        }

        if (added.Count == 0)
        {
            return null;
        }

        var connection = database.GetDbConnection();
        foreach (var (entry, insert) in added)
        {
            try
            {
                insert.Run(connection, transaction, entry);
            }
            catch (SqliteException failed)
            {
                // As EF Core's save reports it; the rows before it are taken back with the owner's savepoint.
                throw new DbUpdateException("An error occurred while saving the entity changes. See the inner exception for details.",
                    failed, [entry]);
            }
        }

        Written.AddOrUpdate(context, context);
        return added.Count;
    }

    /// <summary>One entity type's insert, or none when EF Core must write its rows (see <see cref="PlainInserts"/>).</summary>
    private sealed class InsertStatement
    {
        private static readonly ConcurrentDictionary<IEntityType, InsertStatement?> ByType = new();

        private readonly string _sql;
        private readonly (IClrPropertyGetter Value, RelationalTypeMapping Mapping, string Parameter, bool Nullable)[] _columns;
        // The row's sequence number, which SQLite assigns (INTEGER PRIMARY KEY); null when the type has none.
        private readonly IProperty? _sequence;

        private InsertStatement(IEntityType type, IProperty? sequence)
        {
            _sequence = sequence;
            var (table, name) = ModelSql.TableOf(type);
            var properties = type.GetProperties().Where(p => p != sequence).ToArray();
            _columns = [.. properties.Select((p, i) => (p.GetGetter(), (RelationalTypeMapping)p.GetRelationalTypeMapping(), $"@v{i}", p.IsNullable))];
            _sql = $"INSERT INTO {name} ({string.Join(", ", properties.Select(p => ModelSql.Column(p, table)))}) " +
                $"VALUES ({string.Join(", ", _columns.Select(c => c.Parameter))})";
        }

        public static InsertStatement? For(IEntityType type) => ByType.GetOrAdd(type, Build);

        /// <summary>
        /// False when <paramref name="entry"/>'s sequence number was set by the code (not EF Core's temporary
        /// value): SQLite would be asked for another, so EF Core writes it.
        /// </summary>
        public bool Generates(EntityEntry entry) => _sequence is null || entry.Property(_sequence).IsTemporary;

        public void Run(DbConnection connection, DbTransaction transaction, EntityEntry entry)
        {
            using (var lease = KeptStatements.Lease(connection, _sql))
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
                var assigned = raw.sqlite3_last_insert_rowid(((SqliteConnection)connection).Handle);
                var property = entry.Property(_sequence);
                property.CurrentValue = Convert.ChangeType(assigned, _sequence.ClrType, CultureInfo.InvariantCulture);
                property.IsTemporary = false;
            }
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

        /// <summary>A key of one integer column generated on insert: SQLite's row id, whose value it assigns.</summary>
        private static IProperty? SequenceOf(IEntityType type) =>
            type.FindPrimaryKey() is { Properties: [var key] } && key.ValueGenerated == ValueGenerated.OnAdd
                && (key.ClrType == typeof(long) || key.ClrType == typeof(int)) && key.GetValueConverter() is null
                ? key
                : null;
    }
}
