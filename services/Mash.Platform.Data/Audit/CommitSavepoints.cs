namespace Mash.Platform.Audit;

/// <summary>
/// The savepoints of one group commit, each opened in the same command as the audit entries of the save
/// it guards, and the one before it released in that command too. Opened and released on their own they
/// cost two more round trips to PostgreSQL for every save in the batch.
/// </summary>
/// <remarks>
/// The names alternate between two, so that a save's command that fails before its own savepoint exists
/// can never roll back the save before it (whose caller is about to hear that it was saved): that save's
/// savepoint has the other name, and the one with this save's name was released a save earlier, so the
/// rollback finds no savepoint of that name, fails, and fails the whole commit. Two names, not one per
/// save: Npgsql prepares statements by their text, and a text per save would crowd out the hot ones.
/// </remarks>
internal sealed class CommitSavepoints
{
    private const string First = "mash_save_a";
    private const string Second = "mash_save_b";

    private string? _open;

    /// <summary>The SQL that releases the savepoint open now, if any, and opens the next; <paramref name="name"/> is the new one's.</summary>
    public string OpenNext(out string name) => AsSql(OpenNextStatements(out name));

    /// <summary>Statements of <see cref="OpenNextStatements"/> as the text of one command.</summary>
    public static string AsSql(IReadOnlyList<string> statements) => string.Join(" ", statements.Select(statement => statement + ";"));

    /// <summary>The same, a statement each: for a batch, whose statements carry no separator.</summary>
    public IReadOnlyList<string> OpenNextStatements(out string name)
    {
        name = _open == First ? Second : First;
        IReadOnlyList<string> statements = _open is null ? [$"SAVEPOINT {name}"] : [$"RELEASE SAVEPOINT {_open}", $"SAVEPOINT {name}"];
        _open = name;
        return statements;
    }
}
