using Microsoft.Data.Sqlite;

namespace Mash.Platform.Eventing.Local;

/// <summary>Terse parameterised commands, so the queue operations read as their SQL.</summary>
internal static class Sql
{
    public static SqliteCommand Command(this SqliteConnection connection, string text, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static SqliteCommand Command(this SqliteTransaction transaction, string text, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = transaction.Connection!.Command(text, parameters);
        command.Transaction = transaction;
        return command;
    }

    public static int Run(this SqliteConnection connection, string text, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = connection.Command(text, parameters);
        return command.ExecuteNonQuery();
    }

    public static int Run(this SqliteTransaction transaction, string text, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = transaction.Command(text, parameters);
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(this SqliteTransaction transaction, string text, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = transaction.Command(text, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }
}
