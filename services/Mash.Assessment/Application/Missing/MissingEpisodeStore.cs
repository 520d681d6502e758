using Google.Protobuf;
using Mash.Assessment.Data;
using Mash.Assessment.Domain.Missing;
using Mash.Contracts.Missing.V1;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Idempotency;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Assessment.Application.Missing;

/// <summary>Episodes read to change them and saved with their audit entries and events, once per idempotency key.</summary>
internal sealed class MissingEpisodeStore(AssessmentDbContext db, CallAudit audit, AuditTrail trail, MissingSettings settings, ServiceClock clock)
{
    public AssessmentDbContext Db => db;

    public async Task<MissingEpisodeRecord> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var episode = await db.EpisodesWithGrades.FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw RpcErrors.NotFound("missing episode", id);
        audit.Touch(episode.ChildKey, episode.Id);
        return episode;
    }

    public async Task<MissingEpisode> ReadAsync(string id, CancellationToken cancellationToken)
    {
        var episode = await db.EpisodesWithGrades.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw RpcErrors.NotFound("missing episode", id);
        audit.Touch(episode.ChildKey, episode.Id);
        return await ViewAsync(episode, cancellationToken);
    }

    public async Task<MissingEpisode> ViewAsync(MissingEpisodeRecord episode, CancellationToken cancellationToken)
    {
        var rules = settings.For(episode.Area);
        var now = clock.UtcNow;
        var since = now - rules.RepeatWindow;
        var inWindow = await db.MissingEpisodes.AsNoTracking().CountAsync(e => e.ChildKey == episode.ChildKey && e.ReportedAt >= since && e.ReportedAt <= now, cancellationToken);
        return episode.ToContract(now, rules, inWindow);
    }

    /// <summary>A command once per key: a retry answers with the episode as it is now; the key with another request is ALREADY_EXISTS.</summary>
    public Task<MissingEpisode> OnceAsync<TRequest>(string key, string method, TRequest request, Func<CancellationToken, Task<MissingEpisodeRecord>> change, CancellationToken cancellationToken)
        where TRequest : IMessage<TRequest>
    {
        audit.RequireStatedPurpose();
        var fingerprint = RequestFingerprint.Of(request);
        return new CreateOnce<KeyedCommand, MissingEpisode>(db, "command")
        {
            FindByKey = ct => db.Commands.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == audit.Caller.ClientId && c.IdempotencyKey == key, ct),
            Replay = (earlier, ct) =>
            {
                IdempotencyKeys.CheckRetry(earlier.Method + " " + earlier.RequestHash, method + " " + fingerprint, "command");
                return ReadAsync(earlier.TargetId, ct);
            },
            Create = async ct =>
            {
                var episode = await change(ct);
                db.Commands.Add(new KeyedCommand
                {
                    ClientId = audit.Caller.ClientId, IdempotencyKey = key, Method = method, RequestHash = fingerprint, TargetId = episode.Id, AcceptedAt = clock.UtcNow,
                });
                episode.Version++;
                await SaveAsync(ct);
                return await ViewAsync(episode, ct);
            },
        }.RunAsync(cancellationToken);
    }

    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await trail.SaveChangesWithAuditAsync(db, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw RpcErrors.Aborted("The episode was changed by someone else at the same time; read it again and retry (with the same idempotency key).");
        }
    }

    public static string NewId(DateTimeOffset now) => "mis_" + Guid.CreateVersion7(now).ToString("N");
}
