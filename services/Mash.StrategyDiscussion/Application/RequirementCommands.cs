using Mash.Platform.Time;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Strategy.V1;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Idempotency;
using Mash.Platform.Identity;
using Mash.Platform.Persistence;
using Mash.StrategyDiscussion.Data;
using Mash.StrategyDiscussion.Domain;
using Microsoft.EntityFrameworkCore;
using Mash.StrategyDiscussion.IntegrationEvents;

namespace Mash.StrategyDiscussion.Application;

/// <summary>
/// A practitioner's judgement that a discussion is needed, or a follow-up to a concluded one:
/// stored once per idempotency key, and at most one open discussion per child.
/// </summary>
internal sealed class RequirementCommands(
    StrategyDbContext db, CallAudit audit, AuditTrail trail, ChildKeyHasher childKeys, DiscussionFactory discussions, DiscussionSharing sharing, ServiceClock clock)
{
    public async Task<Contracts.Strategy.V1.StrategyDiscussion> RequireAsync(RequireDiscussionRequest request, CancellationToken cancellationToken)
    {
        DiscussionRules.Validate(request, clock.Today).ThrowIfAny("The discussion cannot be required.");
        audit.RequireStatedPurpose();

        var fingerprint = RequestFingerprint.Of(request);
        DiscussionRecord? built = null; // what Create built, for the steps after a conflict
        return await new CreateOnce<DiscussionRecord, Contracts.Strategy.V1.StrategyDiscussion>(db, "discussion")
        {
            FindByKey = ct => FindByKeyAsync(request.IdempotencyKey, ct),
            Replay = (earlier, _) => Task.FromResult(Replay(earlier, fingerprint)),
            Create = async ct =>
            {
                var (childKey, child, match, follows) = await WhoAsync(request, ct);
                if (await ReplayOrRefuseIfOpenAsync(childKey, request.IdempotencyKey, fingerprint, ct) is { } retried)
                {
                    return retried;
                }

                built = New(request, fingerprint, childKey, child, match, follows);
                return await SaveAsync(built, ct);
            },
            RefuseConflict = ct => ReplayOrRefuseIfOpenAsync(built!.ChildKey, request.IdempotencyKey, fingerprint, ct),
            Discarded = () => audit.Forget(built!.Id),
        }.RunAsync(cancellationToken);
    }

    private DiscussionRecord New(RequireDiscussionRequest request, string fingerprint, string childKey, ChildIdentity child, ChildMatchStatus match, string follows)
    {
        var trigger = follows.Length > 0 ? DiscussionTrigger.FollowUp : DiscussionTrigger.Practitioner;
        var record = discussions.Required(childKey, child, match, trigger, request.Reason.Trim(), clock.UtcNow);
        record.FollowsDiscussionId = follows;
        record.ClientId = audit.Caller.ClientId;
        record.IdempotencyKey = request.IdempotencyKey;
        record.RequestHash = fingerprint;
        return record;
    }

    private async Task<Contracts.Strategy.V1.StrategyDiscussion> SaveAsync(DiscussionRecord record, CancellationToken cancellationToken)
    {
        db.Discussions.Add(record);
        sharing.Outstanding(record);
        audit.Touch(record.ChildKey, record.Id);
        await trail.SaveChangesWithAuditAsync(db, cancellationToken);
        return record.ToContract(clock.UtcNow);
    }

    /// <summary>The child, and for a follow-up the first discussion of its chain.</summary>
    private async Task<(string ChildKey, ChildIdentity Child, ChildMatchStatus Match, string Follows)> WhoAsync(
        RequireDiscussionRequest request, CancellationToken cancellationToken)
    {
        if (request.FollowsDiscussionId.Length == 0)
        {
            return (childKeys.KeyFor(request.Child), request.Child, DiscussionFactory.MatchOf(request.Child), "");
        }

        var earlier = await db.Discussions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == request.FollowsDiscussionId, cancellationToken)
            ?? throw RpcErrors.NotFound("strategy discussion", request.FollowsDiscussionId);
        audit.Touch(earlier.ChildKey, earlier.Id);
        var followed = new FollowedDiscussion(earlier.Id, earlier.Status, earlier.FollowsDiscussionId);
        if (!FollowUps.CanBeFollowed(followed))
        {
            throw RpcErrors.FailedPrecondition(earlier.Id, "DISCUSSION_NOT_CONCLUDED",
                $"Discussion {earlier.Id} is not concluded yet: a follow-up follows a concluded discussion; schedule or conclude this one instead.");
        }

        var follows = FollowUps.FirstOfChain(followed);
        if (request.Child is null)
        {
            // A discussion a partner shared has no identity here: the child must be named.
            return DiscussionMapper.ChildOf(earlier.Child) is { } known
                ? (earlier.ChildKey, known, earlier.ChildMatch, follows)
                : throw new FieldViolations().Add("child", $"Discussion {earlier.Id} was shared by a partner node: identify the child.").ToException("The discussion cannot be required.");
        }

        var childKey = childKeys.KeyFor(request.Child);
        return childKey == earlier.ChildKey
            ? (childKey, request.Child, DiscussionFactory.MatchOf(request.Child), follows)
            : throw new FieldViolations().Add("child", $"Not the child of discussion {earlier.Id}; leave it empty to follow up on that child.").ToException("The discussion cannot be required.");
    }

    /// <summary>
    /// One open discussion per child. The open one may be this very request, stored by a concurrent retry
    /// after our first key lookup: that is a replay, not a refusal.
    /// </summary>
    private async Task<Contracts.Strategy.V1.StrategyDiscussion?> ReplayOrRefuseIfOpenAsync(
        string childKey, string key, string fingerprint, CancellationToken cancellationToken)
    {
        if (await db.OpenDiscussionIdAsync(childKey, cancellationToken) is { } open)
        {
            if (await FindByKeyAsync(key, cancellationToken) is { } winner)
            {
                return Replay(winner, fingerprint);
            }

            audit.Touch(childKey, open);
            throw RpcErrors.FailedPrecondition(open, "DISCUSSION_OPEN",
                $"The child already has a strategy discussion required or scheduled ({open}): schedule and hold it; a follow-up can be required once it is concluded.");
        }

        return null;
    }

    private Task<DiscussionRecord?> FindByKeyAsync(string key, CancellationToken cancellationToken) =>
        db.DiscussionsByIdempotencyKey(audit.Caller.ClientId, key).FirstOrDefaultAsync(cancellationToken);

    private Contracts.Strategy.V1.StrategyDiscussion Replay(DiscussionRecord earlier, string fingerprint)
    {
        IdempotencyKeys.CheckRetry(earlier.RequestHash, fingerprint, "discussion");
        audit.Touch(earlier.ChildKey, earlier.Id);
        return earlier.ToContract(clock.UtcNow);
    }
}
