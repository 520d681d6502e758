using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Mash.Platform.Persistence;

/// <summary>
/// A save that only adds rows, made inside a transaction whose owner undoes a failed save itself (the group commit,
/// which turns EF Core's savepoints off and rolls back to its own), is written as plain inserts instead of through
/// EF Core's update pipeline: a submit's referral, outbox and disclosure rows, a delivered event's inbox row and what
/// its handler added. On SQLite each insert is kept prepared on the connection; on PostgreSQL the save's inserts go
/// as one batch, one round trip, each statement prepared by Npgsql. Table, columns and each value's conversion come
/// from the model, as EF Core would write them (as <see cref="Audit.AuditEntryInsert"/> does).
/// </summary>
/// <remarks>
/// Any other save goes through EF Core unchanged: one that changes or deletes a row, or adds a row of a type whose
/// row EF Core completes or orders itself (a value the database generates other than a row's own sequence number,
/// a foreign key, an owned or complex part, a shadow property, a table shared with another type). A sequence number
/// (an outbox row's, a disclosure's) is left to the database and read back, as EF Core would: from the connection on
/// SQLite, from the insert's <c>RETURNING</c> on PostgreSQL. A failed insert is reported as EF Core reports it, a
/// <see cref="DbUpdateException"/> over the provider's, so callers' handling (a unique violation) is the same.
/// The rows are marked saved only once every interceptor has seen the save (the outbox's looks for its added rows).
/// </remarks>
internal sealed partial class PlainInserts : SaveChangesInterceptor
{
    public static readonly PlainInserts Interceptor = new();

    // The saves written here, whose entries are marked saved once EF Core's own interceptors have seen them.
    private static readonly ConditionalWeakTable<DbContext, object> Written = [];

    // Statements that must reach PostgreSQL before a context's next save: the group commit's savepoint and audit entries.
    private static readonly ConditionalWeakTable<DbContext, List<NpgsqlBatchCommand>> First = [];

    private PlainInserts()
    {
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } withFirst && First.TryGetValue(withFirst, out _))
        {
            // Statements meant to go first would be skipped, and the save go on without them.
            throw new InvalidOperationException("A save with statements to send first is made asynchronously, as the group commit makes it.");
        }

        // A save on PostgreSQL made synchronously is left to EF Core: the group commit saves asynchronously.
        if (result.HasResult || eventData.Context is not { } context
            || TransactionOf(context) is not SqliteTransaction transaction || Collect(context) is not { } added)
        {
            return result;
        }

        WriteOnSqlite(context, transaction, added);
        return InterceptionResult<int>.SuppressWithResult(added.Count);
    }

    /// <summary>
    /// <paramref name="commands"/> go to PostgreSQL before <paramref name="context"/>'s next save, which must be made
    /// asynchronously in the group commit's transaction: in the same round trip as its rows when they are plain inserts,
    /// else on their own just before EF Core's statements. Until that save, <see cref="TakeUnsent"/> has them back.
    /// </summary>
    public static void SendFirst(DbContext context, List<NpgsqlBatchCommand> commands) => First.AddOrUpdate(context, commands);

    /// <summary>The statements given to <see cref="SendFirst"/> and not sent, if any; they will not be sent now.</summary>
    public static List<NpgsqlBatchCommand>? TakeUnsent(DbContext context) =>
        First.TryGetValue(context, out var commands) && First.Remove(context) ? commands : null;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context)
        {
            return result;
        }

        var first = TakeUnsent(context);
        if (result.HasResult || TransactionOf(context) is not { } transaction || Collect(context) is not { } added)
        {
            if (first is not null)
            {
                await SendAsync(context, first, cancellationToken);
            }

            return result;
        }

        if (transaction is NpgsqlTransaction onServer)
        {
            await WriteOnPostgreSqlAsync(context, onServer, first ?? [], added, cancellationToken);
        }
        else
        {
            WriteOnSqlite(context, (SqliteTransaction)transaction, added);
        }

        return InterceptionResult<int>.SuppressWithResult(added.Count);
    }

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

    /// <summary>The owner's transaction when this save may be written here: savepoints off, on a provider written here.</summary>
    private static DbTransaction? TransactionOf(DbContext context) =>
        context.Database is { AutoSavepointsEnabled: false, CurrentTransaction: { } current }
        && current.GetDbTransaction() is var transaction and (SqliteTransaction or NpgsqlTransaction)
            ? transaction
            : null;

    /// <summary>The save's added rows with their inserts, or null when the save is left to EF Core.</summary>
    private static List<(EntityEntry Entry, InsertStatement Insert)>? Collect(DbContext context)
    {
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

        return added.Count == 0 ? null : added;
    }

    private static void WriteOnSqlite(DbContext context, SqliteTransaction transaction, List<(EntityEntry Entry, InsertStatement Insert)> added)
    {
        var connection = (SqliteConnection)context.Database.GetDbConnection();
        foreach (var (entry, insert) in added)
        {
            try
            {
                insert.RunOnSqlite(connection, transaction, entry);
            }
            catch (SqliteException failed)
            {
                // As EF Core's save reports it; the rows before it are taken back with the owner's savepoint.
                throw Refused(failed, entry);
            }
        }

        Written.AddOrUpdate(context, context);
    }

    /// <summary>Statements given to <see cref="SendFirst"/>, sent on their own in the context's transaction.</summary>
    public static async Task SendAsync(DbContext context, List<NpgsqlBatchCommand> commands, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection, (NpgsqlTransaction?)context.Database.CurrentTransaction?.GetDbTransaction());
        foreach (var command in commands)
        {
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task WriteOnPostgreSqlAsync(
        DbContext context, NpgsqlTransaction transaction, List<NpgsqlBatchCommand> first, List<(EntityEntry Entry, InsertStatement Insert)> added,
        CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var command in first)
        {
            batch.BatchCommands.Add(command);
        }

        foreach (var (entry, insert) in added)
        {
            batch.BatchCommands.Add(insert.ForPostgreSql(entry));
        }

        try
        {
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            // Only the inserts that return a sequence number have a result; the reader passes over the others.
            foreach (var (entry, insert) in added.Where(row => row.Insert.ReturnsSequence))
            {
                if (!await reader.ReadAsync(cancellationToken))
                {
                    throw new InvalidOperationException($"PostgreSQL returned no sequence number for a row of {entry.Metadata.DisplayName()}.");
                }

                insert.Assign(entry, reader.GetValue(0));
                await reader.NextResultAsync(cancellationToken);
            }
        }
        catch (PostgresException failed)
        {
            // The batch stops at the refused insert; the owner's savepoint takes back those before it. A statement sent
            // first (a savepoint, an audit entry) fails as it would have on its own.
            var refused = (failed.BatchCommand is { } command ? Math.Max(0, batch.BatchCommands.IndexOf(command)) : first.Count) - first.Count;
            if (refused < 0)
            {
                throw;
            }

            throw Refused(failed, added[refused].Entry);
        }

        Written.AddOrUpdate(context, context);
    }

    private static DbUpdateException Refused(Exception failed, EntityEntry entry) =>
        new("An error occurred while saving the entity changes. See the inner exception for details.", failed, [entry]);
}
