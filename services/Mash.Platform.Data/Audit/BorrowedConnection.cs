using System.Data.Common;
using Mash.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mash.Platform.Audit;

/// <summary>
/// Lends the group commit's open connection (and transaction) to a caller's context for its save, and
/// gives the context its own connection back afterwards: on SQLite the same one, still open with its
/// prepared statements (<see cref="KeptSqliteConnection"/>); otherwise a new one by connection string,
/// as configured.
/// </summary>
internal sealed class BorrowedConnection(AuditedDbContext db)
{
    private readonly string? _connectionString = db.Database.GetConnectionString();
    private readonly KeptSqliteConnection? _kept = db.Database.GetService<IRelationalConnection>() as KeptSqliteConnection;
    private bool _joined;

    /// <summary>The context of the batch's first save, which begins the transaction on the connection.</summary>
    public void Lend(DbConnection connection)
    {
        if (_kept is not null)
        {
            _kept.Lend(connection);
        }
        else
        {
            db.Database.SetDbConnection(connection, contextOwnsConnection: false);
        }

        _joined = true;
    }

    /// <summary>The context of any other save in the batch, which joins the transaction.</summary>
    public async Task JoinAsync(DbConnection connection, DbTransaction transaction)
    {
        Lend(connection);
        await db.Database.UseTransactionAsync(transaction);
    }

    public async Task ReturnAsync()
    {
        if (!_joined)
        {
            return;
        }

        _joined = false;
        await db.Database.UseTransactionAsync(null);
        if (_kept is not null)
        {
            _kept.TakeBack();
            return;
        }

        db.Database.SetDbConnection(null, contextOwnsConnection: true);
        db.Database.SetConnectionString(_connectionString);
    }
}
