using Google.Protobuf;
using Mash.Assessment.Data;
using Mash.Contracts.Missing.V1;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Identity;
using Mash.Platform.Idempotency;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Assessment.Application.Missing;

/// <summary>A child's Philomena profile: kept at the local authority's node, read for an open episode only.</summary>
internal sealed class PhilomenaCommands(MissingEpisodeStore store, PhilomenaProfiles release, ChildKeyHasher childKeys, CallAudit audit, MissingSettings settings, ServiceClock clock)
{
    public const int MaxItems = 20;
    public const string ProfileRecordId = "philomena-profile";

    public async Task<PhilomenaProfile> RecordAsync(RecordPhilomenaProfileRequest request, CancellationToken cancellationToken)
    {
        Check(request);
        audit.RequireStatedPurpose();
        var childKey = childKeys.KeyFor(request.Child);
        var fingerprint = RequestFingerprint.Of(request);
        var db = store.Db;
        const string method = "RecordPhilomenaProfile";
        return await KeyedCommands.OnceAsync(db, audit.Caller.ClientId, request.IdempotencyKey, method, fingerprint, async (target, ct) =>
        {
            audit.Touch(childKey, ProfileRecordId);
            return PhilomenaProfile.Parser.ParseFrom((await db.PhilomenaProfiles.AsNoTracking().SingleAsync(p => p.ChildKey == target, ct)).Profile);
        }, async ct =>
        {
            var profile = new PhilomenaProfile
            {
                Child = request.Child, Description = request.Description.Trim(), PhotoReference = request.PhotoReference.Trim(),
                Associates = { request.Associates }, Places = { request.Places }, PhoneNumbers = { request.PhoneNumbers },
                SocialMediaHandles = { request.SocialMediaHandles }, HealthNeeds = request.HealthNeeds.Trim(),
                CareProviderClientId = request.CareProviderClientId.Trim(), RecordedAt = Timestamps.Of(clock.UtcNow), HeldAtNode = settings.ThisNode,
            };
            var record = await db.PhilomenaProfiles.FirstOrDefaultAsync(p => p.ChildKey == childKey, ct);
            if (record is null)
            {
                record = new PhilomenaProfileRecord { ChildKey = childKey };
                db.PhilomenaProfiles.Add(record);
            }

            record.Profile = profile.ToByteArray();
            record.CareProviderClientId = profile.CareProviderClientId;
            record.RecordedAt = clock.UtcNow;
            record.RecordedBy = audit.Caller.ClientId;
            audit.Touch(childKey, ProfileRecordId);
            KeyedCommands.Remember(db, audit.Caller.ClientId, request.IdempotencyKey, method, fingerprint, childKey, clock.UtcNow);
            // A child missing now: the partners get the new profile at once.
            if (await db.EpisodesWithGrades.FirstOrDefaultAsync(e => e.ChildKey == childKey && e.Open, ct) is { } open)
            {
                await release.ReleaseIfHeldAsync(db, open, ct, profile);
            }

            await store.SaveAsync(ct);
            return profile;
        }, cancellationToken);
    }

    /// <summary>
    /// For an open episode only: this node's own profile of the child, or the copy a partner released
    /// for the episode. Otherwise PERMISSION_DENIED, and the refused attempt is audited against the child.
    /// </summary>
    public async Task<PhilomenaProfile> GetAsync(GetPhilomenaProfileRequest request, CancellationToken cancellationToken)
    {
        new FieldViolations().CheckId("episode_id", request.EpisodeId, "missing episode").ThrowIfAny();
        audit.RequireStatedPurpose();
        var db = store.Db;
        var episode = await db.MissingEpisodes.AsNoTracking().FirstOrDefaultAsync(e => e.Id == request.EpisodeId, cancellationToken)
            ?? throw RpcErrors.NotFound("missing episode", request.EpisodeId);
        audit.Touch(episode.ChildKey, ProfileRecordId);
        if (episode.Open)
        {
            if (await db.PhilomenaProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.ChildKey == episode.ChildKey, cancellationToken) is { } own)
            {
                var profile = PhilomenaProfile.Parser.ParseFrom(own.Profile);
                profile.ReleasedForEpisodeId = episode.Id;
                return profile;
            }

            if (await db.ReleasedProfiles.AsNoTracking().FirstOrDefaultAsync(r => r.EpisodeId == episode.Id, cancellationToken) is { } released)
            {
                // The local authority's node hears who read what it released.
                audit.TouchPartnerRecord(episode.ChildKey, released.OriginNode, episode.Id, AssessmentServiceSetup.ServiceName);
                return PhilomenaProfile.Parser.ParseFrom(released.Profile);
            }
        }

        throw RpcErrors.PermissionDenied(episode.Open
            ? "No Philomena profile has been released for this episode."
            : "The episode is closed: a Philomena profile is released only while the child is missing.");
    }

    private void Check(RecordPhilomenaProfileRequest request)
    {
        var v = new FieldViolations().CheckIdempotencyKey(request.IdempotencyKey, "record it twice");
        ChildIdentityRules.Validate(v, "child", request.Child, clock.Today);
        v.Require(ChildIdentityRules.IsConfirmed(request.Child), "child.nhs_number", "Give the child's NHS number: partner nodes' episodes are matched on it.")
            .CheckText("description", request.Description, 2_000, "Describe the child: height, build, hair, clothing, marks.")
            .CheckOptionalText("photo_reference", request.PhotoReference, 200)
            .CheckOptionalText("health_needs", request.HealthNeeds, 1_000)
            .CheckOptionalText("care_provider_client_id", request.CareProviderClientId, 200);
        foreach (var (field, items) in new[] { ("associates", request.Associates), ("places", request.Places), ("phone_numbers", request.PhoneNumbers), ("social_media_handles", request.SocialMediaHandles) })
        {
            v.Require(items.Count <= MaxItems, field, $"At most {MaxItems}.").Require(items.All(i => i.Length is > 0 and <= 200), field, "Each 1 to 200 characters.");
        }

        v.ThrowIfAny("The profile cannot be recorded.");
    }
}
