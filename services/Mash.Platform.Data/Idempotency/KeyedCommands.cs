using Microsoft.EntityFrameworkCore;

namespace Mash.Platform.Idempotency;

/// <summary>
/// Commands that change an existing record (a regrade, a review, a step done), once per client and
/// idempotency key, on the service's <see cref="KeyedCommand"/> table: the one way every service does it.
/// </summary>
public static class KeyedCommands
{
    /// <summary>
    /// Runs <paramref name="create"/> unless the client used the key before: a retry is answered by
    /// <paramref name="replay"/> with the target the key changed, as it is now; the key with another request is
    /// ALREADY_EXISTS; a concurrent retry that stored the key first is a retry too. <paramref name="create"/> calls
    /// <see cref="Remember"/> and saves, so the key is kept with the change or not at all.
    /// </summary>
    public static Task<T> OnceAsync<T>(DbContext db, string clientId, string key, string method, string fingerprint,
        Func<string, CancellationToken, Task<T>> replay, Func<CancellationToken, Task<T>> create, CancellationToken cancellationToken) =>
        new CreateOnce<KeyedCommand, T>(db, "command")
        {
            FindByKey = ct => db.Set<KeyedCommand>().AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == clientId && c.IdempotencyKey == key, ct),
            Replay = (earlier, ct) =>
            {
                IdempotencyKeys.CheckRetry(earlier.Method + " " + earlier.RequestHash, method + " " + fingerprint, "command");
                return replay(earlier.TargetId, ct);
            },
            Create = create,
        }.RunAsync(cancellationToken);

    /// <summary>Adds the key's row, to be saved with the change it made.</summary>
    public static void Remember(DbContext db, string clientId, string key, string method, string fingerprint, string targetId, DateTime acceptedAtUtc) =>
        db.Set<KeyedCommand>().Add(new KeyedCommand
        {
            ClientId = clientId,
            IdempotencyKey = key,
            Method = method,
            RequestHash = fingerprint,
            TargetId = targetId,
            AcceptedAt = acceptedAtUtc,
        });
}
