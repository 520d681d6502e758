using Mash.Platform.Eventing.Receipts;
using Mash.Platform.Paging;
using Mash.Platform.Time;
using Mash.Assessment.Data;
using Mash.Assessment.Domain;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Mash.Assessment.IntegrationEvents;

namespace Mash.Assessment.Application;

/// <summary>
/// A child's risk as this node and its partners see it, and the children at high risk for the
/// MASH daily meeting. Partner events are matched to the child by the shared child key.
/// </summary>
internal sealed class RiskProfileQueries(AssessmentDbContext db, CallAudit audit, ChildKeyHasher childKeys, ServiceClock clock, Missing.MissingSettings missing)
{
    public const string ProfileRecordId = "risk-profile";
    public const string DailyListRecordId = "daily-high-risk";

    public async Task<ChildRiskProfile> GetProfileAsync(GetChildRiskProfileRequest request, CancellationToken cancellationToken)
    {
        var v = new FieldViolations();
        ChildIdentityRules.Validate(v, "child", request.Child, clock.Today);
        v.ThrowIfAny("The child cannot be looked up.");
        audit.RequireStatedPurpose();

        var childKey = childKeys.KeyFor(request.Child);
        audit.Touch(childKey, ProfileRecordId);
        var flags = await db.CseFlags.AsNoTracking().Include(f => f.History)
            .Where(f => f.ChildKey == childKey).OrderBy(f => f.RaisedAt).ThenBy(f => f.Id).ToListAsync(cancellationToken);
        var level = await LatestLevelsAsync([childKey], cancellationToken);
        var partners = await db.PartnerRisks.AsNoTracking()
            .Where(p => p.ChildKey == childKey).OrderBy(p => p.OccurredAt).ThenBy(p => p.Sequence).ToListAsync(cancellationToken);
        foreach (var entry in partners)
        {
            // The node that shared it hears who opened it (an access notice, once this read is audited).
            var (recordId, sharedBy) = OriginRecord(entry);
            audit.TouchPartnerRecord(childKey, entry.OriginNode, recordId, sharedBy);
        }


        var discussions = await db.ChildDiscussions.AsNoTracking().Where(d => d.ChildKey == childKey).ToListAsync(cancellationToken);

        var summary = ChildRiskState.Summarise(
            flags.Where(f => f.Active).Select(Signal), level.GetValueOrDefault(childKey), partners.Select(Signal));
        var profile = new ChildRiskProfile
        {
            ChildMatch = ChildIdentityRules.IsConfirmed(request.Child) ? ChildMatchStatus.Confirmed : ChildMatchStatus.Unconfirmed,
            LocalRiskLevel = level.GetValueOrDefault(childKey)?.Level ?? RiskLevel.Unspecified,
            HighestCseRisk = summary.HighestCseRisk,
            HighestRiskLevel = summary.HighestRiskLevel,
        };
        var receipts = await DeliveryReceipts.HeldByAsync(db, [.. flags.Select(f => f.Id)], cancellationToken);
        profile.LocalFlags.AddRange(flags.Select(f =>
        {
            var flag = f.ToContract();
            flag.HeldByPartners.AddRange(receipts[f.Id]);
            return flag;
        }));
        profile.PartnerEntries.AddRange(partners.Select(p => p.ToContract()));
        // Those still to be held first, soonest due; then those held, latest first.
        var toBeHeld = discussions.Where(d => d.HeldAt is null).OrderBy(d => d.DueAt).ThenBy(d => d.DiscussionId, StringComparer.Ordinal);
        var held = discussions.Where(d => d.HeldAt is not null).OrderByDescending(d => d.HeldAt).ThenBy(d => d.DiscussionId, StringComparer.Ordinal);
        profile.Discussions.AddRange(toBeHeld.Concat(held).Select(d => d.ToContract(clock.UtcNow)));
        await AddMissingEpisodesAsync(profile, childKey, cancellationToken);
        return profile;
    }

    /// <summary>The child's missing episodes, newest first, and whether they set the CSE screening indicator.</summary>
    private async Task AddMissingEpisodesAsync(ChildRiskProfile profile, string childKey, CancellationToken cancellationToken)
    {
        var episodes = await db.EpisodesWithGrades.AsNoTracking().Where(e => e.ChildKey == childKey).ToListAsync(cancellationToken);
        var rules = missing.For(missing.Area);
        var now = clock.UtcNow;
        var facts = episodes.Select(Missing.EpisodeChanges.Facts).ToList();
        var inWindow = Domain.Missing.DiscussionPatterns.InWindowBefore(facts, now, rules).Count;
        profile.MissingEpisodesIndicator = Domain.Missing.DailyMissingLists.Repeated(facts, now, rules);
        foreach (var episode in episodes.OrderByDescending(e => e.ReportedAt).ThenByDescending(e => e.Id, StringComparer.Ordinal))
        {
            audit.Touch(childKey, episode.Id);
            if (episode.ReportedAtNode != missing.ThisNode)
            {
                audit.TouchPartnerRecord(childKey, episode.ReportedAtNode, episode.Id, AssessmentServiceSetup.ServiceName);
            }

            profile.MissingEpisodes.Add(Missing.MissingMapper.ToContract(episode, now, rules, inWindow));
        }
    }

    /// <summary>
    /// The record as the node that shared it knows it (the flag, or the assessment or offender whose risk changed) and
    /// the service there that shared it: its assessment service, or empty for an offender's (every service there looks).
    /// </summary>
    private static (string RecordId, string SharedBy) OriginRecord(PartnerRiskRecord entry)
    {
        if (entry.FlagId.Length > 0 || entry.Kind != RiskLevelChanged.Descriptor.FullName)
        {
            return (entry.FlagId, AssessmentServiceSetup.ServiceName);
        }

        var change = RiskLevelChanged.Parser.ParseFrom(entry.Payload);
        return change.OffenderId.Length > 0 ? (change.OffenderId, "") : (change.AssessmentId, AssessmentServiceSetup.ServiceName);
    }

    /// <summary>The daily list's order: most severe first, then by child key. Its tokens keep the version <c>h1</c>.</summary>
    private static readonly PageTokenFormat<int> MostSevereFirst = PageTokenFormats.ByNumber("h1");

    private static bool After(PageToken<int> after, int severity, string childKey) =>
        severity < after.Key || (severity == after.Key && string.CompareOrdinal(childKey, after.Id) > 0);

    public async Task<ListDailyHighRiskResponse> ListDailyHighRiskAsync(ListDailyHighRiskRequest request, CancellationToken cancellationToken)
    {
        MostSevereFirst.CheckPage(new FieldViolations(), request.Page, out var size, out var after).ThrowIfAny();
        audit.RequireStatedPurpose();

        var candidates = await CandidatesAsync(cancellationToken);
        var flags = (await db.CseFlags.AsNoTracking().Include(f => f.History)
                .Where(f => f.Active && candidates.Contains(f.ChildKey)).ToListAsync(cancellationToken))
            .ToLookup(f => f.ChildKey);
        var levels = await LatestLevelsAsync(candidates, cancellationToken);
        var partners = (await db.PartnerRisks.AsNoTracking().Where(p => candidates.Contains(p.ChildKey))
                .Select(p => new { p.ChildKey, p.Sequence, p.OriginNode, p.OriginAgency, p.OccurredAt, p.FlagId, p.FlagAction, p.CseRisk, p.RiskLevel })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.ChildKey, p => new PartnerSignal(p.Sequence, p.OriginNode, p.OriginAgency, p.OccurredAt, p.FlagId,
                p.FlagAction, p.CseRisk, p.RiskLevel));

        var stalls = await InvestigationStallsAsync(cancellationToken);
        var ranked = candidates.Union(stalls.Select(s => s.Key))
            .Select(key => (Key: key, Summary: ChildRiskState.Summarise(flags[key].Select(Signal), levels.GetValueOrDefault(key), partners[key])))
            .Where(c => (c.Summary.IsHighRisk || stalls.Contains(c.Key)) && (after is null || After(after, c.Summary.Severity, c.Key)))
            .OrderByDescending(c => c.Summary.Severity).ThenBy(c => c.Key, StringComparer.Ordinal)
            .ToList();

        var page = Page.Cut(ranked, size);
        var identities = await KnownIdentitiesAsync([.. page.Items.Select(c => c.Key)], cancellationToken);
        var response = new ListDailyHighRiskResponse { NextPageToken = MostSevereFirst.NextToken(page, last => (last.Summary.Severity, last.Key)) };
        foreach (var (key, summary) in page.Items)
        {
            audit.Touch(key, DailyListRecordId);
            response.Children.Add(new HighRiskChild
            {
                ChildKey = key,
                Child = identities.GetValueOrDefault(key),
                CseRisk = summary.HighestCseRisk,
                RiskLevel = summary.HighestRiskLevel,
                Reasons = { summary.HighRiskReasons, stalls[key].Select(s => StalledInvestigations.Reason(s, clock.UtcNow)) },
            });
        }

        return response;
    }

    /// <summary>This node's stalled investigations, by child (the Investigation service's latest word on each).</summary>
    private async Task<ILookup<string, InvestigationStallsChanged>> InvestigationStallsAsync(CancellationToken cancellationToken) =>
        (await db.InvestigationStalls.AsNoTracking().Select(s => new { s.ChildKey, s.Change }).ToListAsync(cancellationToken))
            .ToLookup(s => s.ChildKey, s => InvestigationStallsChanged.Parser.ParseFrom(s.Change));

    /// <summary>Children with anything high ever recorded; whether it is still current is decided per child.</summary>
    private async Task<List<string>> CandidatesAsync(CancellationToken cancellationToken)
    {
        var flagged = db.CseFlags.Where(f => f.Active && f.Risk == CseRisk.High).Select(f => f.ChildKey);
        var assessed = db.Assessments.Where(a => a.CompletedAt != null && a.RiskLevel >= RiskLevel.High).Select(a => a.ChildKey);
        var shared = db.PartnerRisks.Where(p => p.CseRisk == CseRisk.High || p.RiskLevel >= RiskLevel.High).Select(p => p.ChildKey);
        return await flagged.Union(assessed).Union(shared).Distinct().ToListAsync(cancellationToken);
    }

    /// <summary>Each child's risk level from this node's latest completed assessment.</summary>
    private async Task<Dictionary<string, LocalLevelSignal>> LatestLevelsAsync(List<string> childKeys, CancellationToken cancellationToken)
    {
        var completed = await db.Assessments.AsNoTracking()
            .Where(a => a.CompletedAt != null && childKeys.Contains(a.ChildKey))
            .Select(a => new { a.ChildKey, a.Id, a.RiskLevel, CompletedAt = a.CompletedAt!.Value })
            .ToListAsync(cancellationToken);
        return completed
            .GroupBy(a => a.ChildKey)
            .Select(g => g.OrderBy(a => a.CompletedAt).ThenBy(a => a.Id, StringComparer.Ordinal).Last())
            .ToDictionary(a => a.ChildKey, a => new LocalLevelSignal(a.Id, a.RiskLevel, a.CompletedAt));
    }

    /// <summary>
    /// The child's identity where this node holds a record of them: the latest assessment, else the
    /// latest flag, else what the node's other services recorded of the child (a referral, an offender's link).
    /// </summary>
    private async Task<Dictionary<string, ChildIdentity>> KnownIdentitiesAsync(List<string> childKeys, CancellationToken cancellationToken)
    {
        var assessed = await db.Assessments.AsNoTracking().Where(a => childKeys.Contains(a.ChildKey))
            .Select(a => new { a.ChildKey, At = a.StartedAt, a.Child }).ToListAsync(cancellationToken);
        var flagged = await db.CseFlags.AsNoTracking().Where(f => childKeys.Contains(f.ChildKey))
            .Select(f => new { f.ChildKey, At = f.RaisedAt, f.Child }).ToListAsync(cancellationToken);
        var known = await KnownChildren.NamesAsync(db, childKeys, cancellationToken);
        foreach (var child in flagged.GroupBy(f => f.ChildKey))
        {
            known[child.Key] = AssessmentMapper.ChildOf(child.MaxBy(f => f.At)!.Child);
        }

        // The referral's identity is the fuller one: it wins over the flag's.
        foreach (var child in assessed.GroupBy(a => a.ChildKey))
        {
            known[child.Key] = AssessmentMapper.ChildOf(child.MaxBy(a => a.At)!.Child);
        }

        return known;
    }

    private static LocalFlagSignal Signal(CseFlagRecord flag)
    {
        var last = flag.History.OrderBy(h => h.ChangedAt).ThenBy(h => h.Id).LastOrDefault();
        return new LocalFlagSignal(flag.Id, flag.Risk, last?.Action ?? FlagAction.Raised, last?.ChangedAt ?? flag.RaisedAt);
    }

    private static PartnerSignal Signal(PartnerRiskRecord record) => new(
        record.Sequence, record.OriginNode, record.OriginAgency, record.OccurredAt, record.FlagId,
        record.FlagAction, record.CseRisk, record.RiskLevel);
}
