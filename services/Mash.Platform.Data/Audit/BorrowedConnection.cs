using System.Data.Common;
using Mash.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mash.Platform.Audit;

/// <summary>
/// Lends the group commit's open connection (and transaction) to a caller's context for its save, and
/// gives the context its own connection (by connection string, as configured) back afterwards.
/// </summary>
internal sealed class BorrowedConnection(AuditedDbContext db)
{
    private readonly string? _connectionString = db.Database.GetConnectionString();
    private bool _joined;

    /// <summary>The context of the batch's first save, which begins the transaction on the connection.</summary>
    public void Lend(DbConnection connection)
    {
        db.Database.SetDbConnection(connection, contextOwnsConnection: false);
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

        await db.Database.UseTransactionAsync(null);
        db.Database.SetDbConnection(null, contextOwnsConnection: true);
        db.Database.SetConnectionString(_connectionString);
    }
}
