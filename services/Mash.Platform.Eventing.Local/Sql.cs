using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Mash.Platform.Eventing.Local;

/// <summary>
/// Terse parameterised commands, so the queue operations read as their SQL. Each broker connection keeps
/// its statements compiled (<see cref="PreparedCommand"/>): every delivery runs the same dozen or so, and
/// Microsoft.Data.Sqlite compiles a command's SQL again for every new command object.
/// </summary>
internal static class Sql
{
    /// <summary>
    /// Distinct statements kept per connection. The broker has about thirty; a statement beyond the limit
    /// (none today) runs uncached rather than growing the cache without bound, its command left to be
    /// finalised with its connection or by the collector.
    /// </summary>
    public const int MaxPreparedPerConnection = 64;

    // Weak: a connection the pool drops is forgotten with its commands.
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> Prepared = [];

    public static PreparedCommand Command(this SqliteConnection connection, string text, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        new(Bind(connection, null, text, parameters));

    public static PreparedCommand Command(this SqliteTransaction transaction, string text, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        new(Bind(transaction.Connection!, transaction, text, parameters));

    public static int Run(this SqliteConnection connection, string text, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        connection.Command(text, parameters).ExecuteNonQuery();

    public static int Run(this SqliteTransaction transaction, string text, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        transaction.Command(text, parameters).ExecuteNonQuery();

    public static object? Scalar(this SqliteTransaction transaction, string text, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var value = transaction.Command(text, parameters).ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>Statements compiled and kept for <paramref name="connection"/> (for tests).</summary>
    internal static int PreparedCount(SqliteConnection connection) =>
        Prepared.TryGetValue(connection, out var commands) ? commands.Count : 0;

    private static SqliteCommand Bind(SqliteConnection connection, SqliteTransaction? transaction, string text, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        // A connection is used by one caller at a time (the pool hands it out alone), so its cache needs no lock.
        var commands = Prepared.GetOrCreateValue(connection);
        if (!commands.TryGetValue(text, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = text;
            if (commands.Count < MaxPreparedPerConnection)
            {
                commands.Add(text, command);
            }
        }

        command.Transaction = transaction;
        var bound = command.Parameters;
        if (!SameNames(bound, parameters))
        {
            bound.Clear();
            foreach (var (name, _) in parameters)
            {
                bound.AddWithValue(name, DBNull.Value);
            }
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            bound[i].Value = parameters[i].Value ?? DBNull.Value;
        }

        return command;
    }

    private static bool SameNames(SqliteParameterCollection bound, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (bound.Count != parameters.Length)
        {
            return false;
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            if (bound[i].ParameterName != parameters[i].Name)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// A statement of one broker connection, compiled once and run again with new values. Owned by the
/// connection, so it has no Dispose of its own: disposing would throw the compiled statement away.
/// A reader it returns is disposed as usual, which resets the statement for its next run.
/// </summary>
internal readonly struct PreparedCommand(SqliteCommand command)
{
    public SqliteDataReader ExecuteReader() => command.ExecuteReader();

    public int ExecuteNonQuery() => command.ExecuteNonQuery();

    public object? ExecuteScalar() => command.ExecuteScalar();
}
