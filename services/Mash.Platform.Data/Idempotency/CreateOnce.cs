using Grpc.Core;
using Mash.Platform.Errors;
using Mash.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mash.Platform.Idempotency;

/// <summary>
/// The one order in which every command that takes an idempotency key creates what it creates,
/// safe against a concurrent retry:
/// <list type="number">
/// <item>look the key up: a retry is answered as a replay of what the key made;</item>
/// <item>otherwise create and save (the command checks its own rules, such as one open
/// discussion per child, inside <c>create</c>, after the key lookup, so a retry is never refused
/// by what its own first attempt stored);</item>
/// <item>when the save meets a unique index, a concurrent retry won the race or another of the
/// command's uniqueness rules was broken meanwhile: drop what was built, look the key up again
/// and replay; else let the command refuse the conflict it knows of; else ask for a retry.</item>
/// </list>
/// The unique index over (client, key) in each service's table is what decides; the lookups only
/// spare a retry the work of building its record again.
/// </summary>
public sealed class CreateOnce<TEarlier, TResult>(DbContext db, string what)
    where TEarlier : class
{
    public required Func<CancellationToken, Task<TEarlier?>> FindByKey { get; init; }

    /// <summary>Checks the fingerprint (<see cref="IdempotencyKeys.CheckRetry"/>) and answers as the first time.</summary>
    public required Func<TEarlier, CancellationToken, Task<TResult>> Replay { get; init; }

    /// <summary>Builds, adds and saves; a unique violation from the save is handled here.</summary>
    public required Func<CancellationToken, Task<TResult>> Create { get; init; }

    /// <summary>Throws the command's own refusal when the conflict was one of its rules (not the key).</summary>
    public Func<CancellationToken, Task>? RefuseConflict { get; init; }

    /// <summary>Takes back what <see cref="Create"/> told the audit about the record never stored.</summary>
    public Action? Discarded { get; init; }

    public async Task<TResult> RunAsync(CancellationToken cancellationToken)
    {
        if (await FindByKey(cancellationToken) is { } earlier)
        {
            return await Replay(earlier, cancellationToken);
        }

        try
        {
            return await Create(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            Discarded?.Invoke();
            if (await FindByKey(cancellationToken) is { } winner)
            {
                return await Replay(winner, cancellationToken);
            }

            if (RefuseConflict is not null)
            {
                await RefuseConflict(cancellationToken);
            }

            throw Unavailable();
        }
    }

    private RpcException Unavailable() =>
        RpcErrors.Unavailable($"The {what} could not be stored; retry with the same idempotency key.");
}
