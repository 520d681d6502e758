using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Investigation.Data;
using Mash.Investigation.Domain;
using Mash.Platform.Audit;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Hosting;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mash.Investigation.Application;

/// <summary>
/// Tells this node's Assessment service, for its daily high-risk list, which investigations of high-risk children
/// are stalled now and why: a stall begins by the passing of time, not by a call, so it is found by looking. Only
/// changes are sent (a new stall, a reason gone, the investigation stalled no more), each in the transaction that
/// remembers it was sent.
/// </summary>
internal sealed class StallReports(
    InvestigationDbContext db, InvestigationQueries queries, EventOutbox outbox, CallAudit audit, AuditTrail trail, ServiceClock clock, IOptions<MashNodeOptions> node)
{
    public const string Purpose = "The MASH daily high-risk list: investigations of children at high risk that have stalled";

    /// <summary>Sends what changed since the last look; answers how many investigations' stalls changed.</summary>
    public async Task<int> SendChangesAsync(CancellationToken cancellationToken)
    {
        audit.BeginSystemWork(node.Value.Agency, "stall-reports", Purpose, LawfulBasis.LawEnforcement);
        var now = clock.UtcNow;
        var stalled = (await queries.StalledNowAsync(now, cancellationToken)).ToDictionary(s => s.Record.Id);
        var reported = await db.ReportedStalls.ToDictionaryAsync(r => r.InvestigationId, cancellationToken);
        var changed = 0;
        foreach (var (id, (record, because, stalls)) in stalled)
        {
            var fingerprint = Fingerprint(because, stalls);
            if (reported.TryGetValue(id, out var last) && last.Fingerprint == fingerprint)
            {
                continue;
            }

            if (last is null)
            {
                db.ReportedStalls.Add(new ReportedStallRecord { InvestigationId = id, Fingerprint = fingerprint, ReportedAt = now });
            }
            else
            {
                (last.Fingerprint, last.ReportedAt) = (fingerprint, now);
            }

            Send(record, because, stalls, now);
            changed++;
        }

        foreach (var gone in reported.Values.Where(r => !stalled.ContainsKey(r.InvestigationId)))
        {
            var record = await db.InvestigationsWithParts.AsNoTracking().FirstAsync(i => i.Id == gone.InvestigationId, cancellationToken);
            Send(record, [], [], now);
            db.ReportedStalls.Remove(gone);
            changed++;
        }

        if (changed > 0)
        {
            await trail.SaveChangesWithAuditAsync(db, cancellationToken);
        }

        return changed;
    }

    private void Send(InvestigationRecord record, IReadOnlyList<string> because, IReadOnlyList<StallFact> stalls, DateTime now)
    {
        foreach (var child in record.Children)
        {
            var change = new InvestigationStallsChanged
            {
                InvestigationId = record.Id, Team = record.Team, Officer = record.Officer, OpenedAt = Timestamps.Of(record.OpenedAt),
                HighRiskBecause = { because }, Stalls = { stalls.Select(s => s.ToContract(now)) },
            };
            outbox.Enqueue(db, Topics.InvestigationStalls, change, child.ChildKey, LawfulBasis.LawEnforcement, Purpose);
            audit.Touch(child.ChildKey, record.Id);
        }
    }

    private static string Fingerprint(IReadOnlyList<string> because, IReadOnlyList<StallFact> stalls) =>
        string.Join("|", because) + "#" + string.Join("|", stalls.Select(s => $"{(int)s.Reason}@{s.Since.Ticks}"));
}
