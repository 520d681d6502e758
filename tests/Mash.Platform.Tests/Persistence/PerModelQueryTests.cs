using Mash.Platform.Persistence;
using Mash.Platform.Tests.Audit;
using Mash.Platform.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Mash.Platform.Tests.Persistence;

public sealed class PerModelQueryTests
{
    private static readonly PerModelQuery<Func<AuditTestDb, int, CancellationToken, Task<string?>>> NoteText =
        new(() => EF.CompileAsyncQuery((AuditTestDb db, int id, CancellationToken _) =>
            db.Notes.Where(n => n.Id == id).Select(n => n.Text).FirstOrDefault()));

    [SkippableFact]
    public async Task One_compiled_query_answers_on_the_contexts_of_two_providers_in_one_process()
    {
        using var sqlite = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var postgres = TestDatabase.Create(DatabaseProvider.PostgreSql);
        await AddNoteAsync(sqlite, "kept in SQLite");
        await AddNoteAsync(postgres, "kept in PostgreSQL");

        // Run on one, then the other, then the first again: a query bound to one model fails on the other's context.
        Assert.Equal("kept in SQLite", await TextAsync(sqlite));
        Assert.Equal("kept in PostgreSQL", await TextAsync(postgres));
        Assert.Equal("kept in SQLite", await TextAsync(sqlite));
    }

    private static async Task AddNoteAsync(TestDatabase database, string text)
    {
        await using var db = database.Open();
        db.Notes.Add(new CaseNote { Id = 1, Text = text });
        await db.SaveChangesAsync();
    }

    private static async Task<string?> TextAsync(TestDatabase database)
    {
        await using var db = database.Open();
        return await NoteText.For(db)(db, 1, CancellationToken.None);
    }
}
