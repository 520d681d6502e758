using Mash.Platform.Audit;
using Mash.Platform.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Mash.Abuse.Tests.Audit;

/// <summary>A service's SQLite database file, read (or, for a copy, tampered with) as an operator with file access could.</summary>
public sealed class AuditFile(string path)
{
    public string Path => path;

    public static AuditFile Of(Infrastructure.AbuseNode node, string database) =>
        new(System.IO.Path.Combine(node.Options.NodeDataDirectory, database + ".db"));

    public IReadOnlyList<AuditEntry> Entries()
    {
        using var db = Open(readOnly: true);
        return [.. db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence)];
    }

    public AuditVerification Verify()
    {
        using var db = Open(readOnly: true);
        return AuditVerifier.Verify(db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsEnumerable());
    }

    /// <summary>A consistent copy of the live file (SQLite's backup API), safe while the service writes.</summary>
    public AuditFile CopyTo(string copyPath)
    {
        using var source = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        using var target = new SqliteConnection($"Data Source={copyPath};Pooling=False");
        source.Open();
        target.Open();
        source.BackupDatabase(target);
        return new AuditFile(copyPath);
    }

    public int Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    private AuditOnlyContext Open(bool readOnly) => new(new DbContextOptionsBuilder<AuditOnlyContext>()
        .UseSqlite($"Data Source={path};Pooling=False{(readOnly ? ";Mode=ReadOnly" : "")}")
        .Options);

    /// <summary>The platform's model of the audit table, without a service's own tables.</summary>
    private sealed class AuditOnlyContext(DbContextOptions<AuditOnlyContext> options) : AuditedDbContext(options);
}
