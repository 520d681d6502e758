using Mash.Platform.Persistence;
using Mash.Platform.Tests.Audit;
using Mash.Platform.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Mash.Platform.Tests.Persistence;

public sealed class RowProbeSqliteTests() : RowProbeTests(DatabaseProvider.Sqlite);

public sealed class RowProbePostgreSqlTests() : RowProbeTests(DatabaseProvider.PostgreSql);

/// <summary>The plain "is there such a row" a hot path asks before it writes: the same answer as EF Core's query, on both databases.</summary>
public abstract class RowProbeTests : IDisposable
{
    private static readonly RowProbe<CaseNote> ByIdAndText = new(n => n.Id, n => n.Text);
    private static readonly RowProbe<CaseNote> ByText = new(n => n.Text);

    private protected RowProbeTests(DatabaseProvider provider)
    {
        Database = TestDatabase.Create(provider);
    }

    private protected TestDatabase Database { get; }

    public void Dispose()
    {
        Database.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task SeedTwoNotesAsync()
    {
        await using var seed = Database.Open();
        seed.Notes.AddRange(new CaseNote { Id = 1, Text = "Seen at school" }, new CaseNote { Id = 2, Text = "" });
        await seed.SaveChangesAsync();
    }

    [SkippableFact]
    public async Task A_row_is_found_only_when_every_column_matches_as_EF_Core_compares_them()
    {
        await SeedTwoNotesAsync();

        await using var db = Database.Open();
        (bool, bool, bool, bool, bool) Expected() =>
            (db.Notes.Any(n => n.Id == 1 && n.Text == "Seen at school"), db.Notes.Any(n => n.Id == 1 && n.Text == "seen at school"),
             db.Notes.Any(n => n.Id == 2 && n.Text == "Seen at school"), db.Notes.Any(n => n.Text == ""), db.Notes.Any(n => n.Text == "Seen"));

        var probed = (
            await ByIdAndText.ExistsAsync(db, CancellationToken.None, 1, "Seen at school"),
            await ByIdAndText.ExistsAsync(db, CancellationToken.None, 1, "seen at school"),
            await ByIdAndText.ExistsAsync(db, CancellationToken.None, 2, "Seen at school"),
            await ByText.ExistsAsync(db, CancellationToken.None, ""),
            await ByText.ExistsAsync(db, CancellationToken.None, "Seen"));

        Assert.Equal((true, false, false, true, false), probed);
        Assert.Equal(Expected(), probed);
        // The connection is the context's again, closed as EF Core left it.
        Assert.Equal(System.Data.ConnectionState.Closed, db.Database.GetDbConnection().State);
    }

    [SkippableFact]
    public async Task A_probe_in_the_contexts_transaction_sees_its_rows_not_yet_committed()
    {
        await using var db = Database.Open();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Notes.Add(new CaseNote { Id = 7, Text = "not yet committed" });
        await db.SaveChangesAsync();

        Assert.True(await ByText.ExistsAsync(db, CancellationToken.None, "not yet committed"));
        await transaction.RollbackAsync();
        Assert.False(await ByText.ExistsAsync(db, CancellationToken.None, "not yet committed"));
    }

    [SkippableFact]
    public async Task A_missing_or_null_value_is_refused_before_anything_runs()
    {
        await using var db = Database.Open();

        await Assert.ThrowsAsync<ArgumentException>(() => ByIdAndText.ExistsAsync(db, CancellationToken.None, 1));
        await Assert.ThrowsAsync<ArgumentException>(() => ByText.ExistsAsync(db, CancellationToken.None, [null!]));
    }

    [SkippableFact]
    public async Task A_groups_values_are_probed_together_with_the_answer_each_would_get_alone_and_in_the_contexts_transaction()
    {
        await SeedTwoNotesAsync();

        await using var db = Database.Open();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Notes.Add(new CaseNote { Id = 3, Text = "not yet committed" });
        await db.SaveChangesAsync();
        string[] texts = ["Seen at school", "seen at school", "", "Seen", "not yet committed"];

        var existing = await ByText.ExistingAsync(db, texts, CancellationToken.None);

        var alone = new List<string>();
        foreach (var text in texts)
        {
            if (await ByText.ExistsAsync(db, CancellationToken.None, text))
            {
                alone.Add(text);
            }
        }

        Assert.Equal(["Seen at school", "", "not yet committed"], texts.Where(existing.Contains));
        Assert.Equal(alone, texts.Where(existing.Contains));
        Assert.Empty(await ByText.ExistingAsync(db, Array.Empty<string>(), CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => ByIdAndText.ExistingAsync(db, [1], CancellationToken.None));
    }

    [SkippableFact]
    public async Task Questions_of_different_probes_asked_together_get_the_answers_each_gets_alone_in_the_order_asked()
    {
        await SeedTwoNotesAsync();

        await using var db = Database.Open();
        RowQuestion[] questions =
        [
            ByIdAndText.With(1, "Seen at school"), ByText.With("Seen"), ByIdAndText.With(2, ""), ByIdAndText.With(2, "Seen at school"), ByText.With(""),
        ];

        var together = await RowQuestions.AskAsync(db, CancellationToken.None, questions);

        Assert.Equal([true, false, true, false, true], together);
        Assert.Equal(
            [
                await ByIdAndText.ExistsAsync(db, CancellationToken.None, 1, "Seen at school"), await ByText.ExistsAsync(db, CancellationToken.None, "Seen"),
                await ByIdAndText.ExistsAsync(db, CancellationToken.None, 2, ""), await ByIdAndText.ExistsAsync(db, CancellationToken.None, 2, "Seen at school"),
                await ByText.ExistsAsync(db, CancellationToken.None, ""),
            ],
            together);
        Assert.Equal(System.Data.ConnectionState.Closed, db.Database.GetDbConnection().State);
        Assert.Empty(await RowQuestions.AskAsync(db, CancellationToken.None));
        Assert.Throws<ArgumentException>(() => ByIdAndText.With(1));
    }
}
