using Mash.Platform.Persistence;
using Mash.Platform.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Mash.Platform.Tests.Persistence;

public sealed class KeptSqliteConnectionTests
{
    [Fact]
    public async Task A_model_without_decimals_saves_and_reads_on_a_connection_without_EF_Cores_functions()
    {
        using var temp = new TempDirectory();
        var options = Options<NoteDb>(temp.File("notes.db"));
        await using (var db = new NoteDb(options))
        {
            await db.Database.EnsureCreatedAsync();
            db.Notes.Add(new PlainNote { Id = 1, Text = "seen by social care", Words = 4 });
            await db.SaveChangesAsync();
        }

        await using (var db = new NoteDb(options))
        {
            Assert.Equal("seen by social care", (await db.Notes.SingleAsync(n => n.Words > 3)).Text);
            var missing = await Assert.ThrowsAsync<SqliteException>(() => db.Database.SqlQueryRaw<int>("SELECT ef_compare(1, 2) AS Value").ToListAsync());
            Assert.Contains("no such function: ef_compare", missing.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_model_with_a_decimal_keeps_EF_Cores_functions_for_its_comparisons()
    {
        using var temp = new TempDirectory();
        var options = Options<AmountDb>(temp.File("amounts.db"));
        await using var db = new AmountDb(options);
        Assert.False(KeptSqliteConnection.AppliesTo(db.Model));
        await db.Database.EnsureCreatedAsync();
        db.Amounts.AddRange(new Amount { Id = 1, Value = 1.25m }, new Amount { Id = 2, Value = 10.5m });
        await db.SaveChangesAsync();

        // SQLite stores a decimal as text; EF Core compares it with its ef_compare function.
        Assert.Equal(2, (await db.Amounts.SingleAsync(a => a.Value > 2m)).Id);
    }

    private static DbContextOptions<T> Options<T>(string file)
        where T : DbContext
    {
        var connectionString = $"Data Source={file};Pooling=False";
        using var probe = (T)Activator.CreateInstance(typeof(T), new DbContextOptionsBuilder<T>().UseSqlite(connectionString).Options)!;
        var options = new DbContextOptionsBuilder<T>().UseSqlite(connectionString);
        KeptSqliteConnection.UseWhereItApplies(options, probe.Model);
        return options.Options;
    }

    private sealed class NoteDb(DbContextOptions<NoteDb> options) : DbContext(options)
    {
        public DbSet<PlainNote> Notes => Set<PlainNote>();
    }

    private sealed class PlainNote
    {
        public int Id { get; set; }
        public string Text { get; set; } = "";
        public int Words { get; set; }
    }

    private sealed class AmountDb(DbContextOptions<AmountDb> options) : DbContext(options)
    {
        public DbSet<Amount> Amounts => Set<Amount>();
    }

    private sealed class Amount
    {
        public int Id { get; set; }
        public decimal Value { get; set; }
    }
}
