using Google.Protobuf;
using Mash.Assessment.Data;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Missing.V1;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Assessment.Application.Missing;

/// <summary>
/// The Philomena protocol between nodes: the local authority's node releases a child's profile to its
/// partners when an episode of the child opens (reported there, or shared by a partner), and a partner
/// drops its copy when the episode closes; the release stays in the disclosure log.
/// </summary>
internal sealed class PhilomenaProfiles(EventOutbox outbox, MissingSettings settings, ServiceClock clock)
{
    public const string ReleasePurpose = "Philomena protocol: what helps find a child in care while the child is missing";

    /// <summary>Releases the child's profile held at this node for the open episode, if there is one.</summary>
    /// <param name="recorded">A profile recorded in this transaction, not yet readable from the table.</param>
    public async Task ReleaseIfHeldAsync(AssessmentDbContext db, MissingEpisodeRecord episode, CancellationToken cancellationToken, PhilomenaProfile? recorded = null)
    {
        var held = recorded is null ? await db.PhilomenaProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.ChildKey == episode.ChildKey, cancellationToken) : null;
        if ((recorded is null && held is null) || !episode.Open)
        {
            return;
        }

        var profile = recorded?.Clone() ?? PhilomenaProfile.Parser.ParseFrom(held!.Profile);
        profile.HeldAtNode = settings.ThisNode;
        profile.ReleasedForEpisodeId = episode.Id;
        outbox.ShareWithPartners(db, Topics.MissingEpisodes, new PhilomenaProfileReleased { EpisodeId = episode.Id, Profile = profile },
            episode.ChildKey, episode.ChildMatch == ChildMatchStatus.Confirmed, LawfulBasis.SafeguardingOfChildren, ReleasePurpose, episode.Id);
    }

    /// <summary>At a partner node: the released copy, kept while its episode is open.</summary>
    public static async Task KeepAsync(AssessmentDbContext db, MissingEpisodeRecord episode, PhilomenaProfile profile, string originNode, DateTime now, CancellationToken cancellationToken)
    {
        if (!episode.Open || await db.ReleasedProfiles.AnyAsync(r => r.EpisodeId == episode.Id, cancellationToken))
        {
            return;
        }

        db.ReleasedProfiles.Add(new ReleasedProfileRecord
        {
            EpisodeId = episode.Id, ChildKey = episode.ChildKey, OriginNode = originNode, Profile = profile.ToByteArray(), ReleasedAt = now,
        });
    }

    /// <summary>The episode closed: a released copy is dropped (the release stays in the sender's disclosure log).</summary>
    public static async Task WithdrawAsync(AssessmentDbContext db, string episodeId, CancellationToken cancellationToken)
    {
        if (await db.ReleasedProfiles.FirstOrDefaultAsync(r => r.EpisodeId == episodeId, cancellationToken) is { } released)
        {
            db.ReleasedProfiles.Remove(released);
        }
    }

    public DateTime Now => clock.UtcNow;
}
