using Google.Protobuf;
using Mash.Assessment.Data;
using Mash.Assessment.Domain.Missing;
using Mash.Contracts.Missing.V1;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Idempotency;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Mash.Platform.Identity;

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
        return KeyedCommands.OnceAsync(db, audit.Caller.ClientId, key, method, fingerprint, ReadAsync, async ct =>
        {
            var episode = await change(ct);
            KeyedCommands.Remember(db, audit.Caller.ClientId, key, method, fingerprint, episode.Id, clock.UtcNow);
            episode.Version++;
            await SaveAsync(ct);
            return await ViewAsync(episode, ct);
        }, cancellationToken);
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

    public static string NewId(DateTimeOffset now) => RecordIds.New("mis_", now);
}
