using Mash.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Mash.Platform.Eventing.Outbox;

/// <summary>
/// Which replica's relay publishes a database's outbox. Two relays reading the same unpublished
/// rows would each send them, and the broker could receive a child's events out of order; so on
/// PostgreSQL one relay holds a session advisory lock on a connection of its own and publishes,
/// the others stand by, trying the lock at each poll. When the publisher's process dies or its
/// connection drops, the server ends the session, the lock is free, and the next standby to poll
/// takes over from the first unpublished row. With SQLite the one process is always the publisher.
/// </summary>
/// <remarks>
/// Publishing in sequence order is publishing in commit order: every outbox row is inserted by
/// <see cref="Audit.AuditTrail"/> while it holds <see cref="Audit.AuditChainDatabaseLock"/>, a
/// transaction-scoped lock, so of two transactions the second draws its sequence only after the
/// first committed. A row with a lower sequence can therefore never become visible after the
/// publisher has read past it, and one publisher reading in sequence order keeps each child's
/// events in order. (A publisher whose connection broke between its check and its send can
/// overlap the next one for that batch only; the broker's duplicate detection and the
/// consumers' inbox absorb the repeat.)
/// </remarks>
public sealed partial class OutboxLeadership(IMashDbContextFactory contexts, ILogger<OutboxLeadership> logger) : IAsyncDisposable, IDisposable
{
    /// <summary>Any fixed number: advisory locks are per database, and each service has its own.</summary>
    public const long Key = 0x4D415348_4F555442; // "MASHOUTB"

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _connectionString;
    private bool _checkedProvider;
    private NpgsqlConnection? _session;
    private bool _leader;

    /// <summary>Whether this process's relay may publish now; throws when the database cannot be reached.</summary>
    public async Task<bool> IsPublisherAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_checkedProvider)
            {
                await using var db = contexts.Create();
                _connectionString = db.Database.IsNpgsql() ? db.Database.GetConnectionString() : null;
                _checkedProvider = true;
            }

            return _connectionString is null || await HoldsLockAsync(_connectionString, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> HoldsLockAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            _session ??= await OpenSessionAsync(connectionString, cancellationToken);
            if (_leader)
            {
                // The lock lives as long as the session: a live session means it is still ours.
                await Scalar<int>("SELECT 1", cancellationToken);
                return true;
            }

            _leader = await Scalar<bool>($"SELECT pg_try_advisory_lock({Key})", cancellationToken);
            if (_leader)
            {
                LogPublishing();
            }

            return _leader;
        }
        catch (Exception e) when ((e is NpgsqlException or InvalidOperationException) && !cancellationToken.IsCancellationRequested)
        {
            if (_leader)
            {
                LogLost(e.GetType().Name);
            }

            await DropSessionAsync();
            throw;
        }
    }

    private static async Task<NpgsqlConnection> OpenSessionAsync(string connectionString, CancellationToken cancellationToken)
    {
        // Not pooled: closing must end the session (and free the lock), not park it in a pool.
        var session = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await session.OpenAsync(cancellationToken);
            // So the server notices a publisher whose machine vanished within a minute, not hours.
            await using var keepAlive = new NpgsqlCommand(
                "SET tcp_keepalives_idle = 20; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 4;", session);
            await keepAlive.ExecuteNonQueryAsync(cancellationToken);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    private async Task<T> Scalar<T>(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, _session);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task DropSessionAsync()
    {
        _leader = false;
        if (_session is not null)
        {
            await _session.DisposeAsync();
            _session = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DropSessionAsync();
        _gate.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "This replica's outbox relay is now the publisher for its database")]
    private partial void LogPublishing();

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "This replica's outbox relay lost its publisher session ({ExceptionType}); another replica may take over")]
    private partial void LogLost(string exceptionType);
}
