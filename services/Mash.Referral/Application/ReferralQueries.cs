using Duration = Google.Protobuf.WellKnownTypes.Duration;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Paging;
using Mash.Platform.Time;
using Mash.Referral.Data;
using Mash.Referral.Domain;
using Microsoft.EntityFrameworkCore;
using Mash.Referral.IntegrationEvents;
using Mash.Platform.Persistence;

namespace Mash.Referral.Application;

/// <summary>
/// Reading referrals: one by id, or the list in due order: the MASH screening queue with its backlog,
/// and a referring node's copies with the outcome that came back.
/// </summary>
internal sealed class ReferralQueries(ReferralDbContext db, CallAudit audit, ServiceClock clock, FrontDoors frontDoors)
{
    // The read partners make most: plain SQL, without EF Core's query pipeline.
    private static readonly RowByKey<ReferralRecord> ById = new();

    public async Task<Contracts.Referral.V1.Referral> GetAsync(GetReferralRequest request, CancellationToken cancellationToken)
    {
        new FieldViolations().RequireReferralId(request.ReferralId).ThrowIfAny();
        audit.RequireStatedPurpose();
        var record = await ById.FindAsync(db, request.ReferralId, cancellationToken)
            ?? throw RpcErrors.NotFound("referral", request.ReferralId);
        TouchRead(record);
        return record.ToContract(clock.UtcNow, frontDoors.ThisNode);
    }

    /// <summary>
    /// Audits the read; a referral another node made (kept here at the front door under its id
    /// there) also tells that node who opened it, once the read is audited.
    /// </summary>
    private void TouchRead(ReferralRecord record)
    {
        audit.Touch(record.ChildKey, record.Id);
        audit.TouchPartnerRecord(record.ChildKey, record.OriginNode, record.Id, ReferralServiceSetup.ServiceName);
    }

    public async Task<ListReferralsResponse> ListAsync(ListReferralsRequest request, CancellationToken cancellationToken)
    {
        var violations = PageTokenFormats.Due.CheckPage(new FieldViolations(), request.Page, out var size, out var after)
            .Require(request.Statuses.All(s => s != ReferralStatus.Unspecified && Enum.IsDefined(s)), "statuses", "Not a known status.")
            .Require(request.Rags.All(r => r != Rag.Unspecified && Enum.IsDefined(r)), "rags", "Not a known RAG.")
            .Require(request.Roles.All(r => r != ReferralRole.Unspecified && Enum.IsDefined(r)), "roles", "Not a known role.");
        violations.ThrowIfAny();
        audit.RequireStatedPurpose();

        var now = clock.UtcNow;
        var byStatus = await db.ByStatusAsync(now, cancellationToken);
        var matching = Filter(request, now);
        // Filtered by role and status alone (the usual queue view), the total is already in the figures.
        var total = request.Rags.Count == 0 && !request.OverdueOnly && !request.AwaitingOutcomeOnly
            ? byStatus.Where(f => (request.Statuses.Count == 0 || request.Statuses.Contains(f.Status))
                && (request.Roles.Count == 0 || request.Roles.Contains(f.Role))).Sum(f => f.Count)
            : await matching.CountAsync(cancellationToken);
        var page = matching;
        if (after is not null)
        {
            page = page.Where(r => r.DueAt > after.Key || (r.DueAt == after.Key && string.Compare(r.Id, after.Id) > 0));
        }

        var records = await page.OrderBy(r => r.DueAt).ThenBy(r => r.Id).ReadPageAsync(size, cancellationToken);
        var response = new ListReferralsResponse { TotalMatching = total, Backlog = BacklogOf(byStatus, now) };
        foreach (var record in records.Items)
        {
            TouchRead(record);
            response.Referrals.Add(record.ToContract(now, frontDoors.ThisNode));
        }

        response.NextPageToken = PageTokenFormats.Due.NextToken(records, last => (last.DueAt, last.Id));
        return response;
    }

    private IQueryable<ReferralRecord> Filter(ListReferralsRequest request, DateTime now)
    {
        var query = db.Referrals.AsNoTracking();
        if (request.Statuses.Count > 0)
        {
            var statuses = request.Statuses.ToList();
            query = query.Where(r => statuses.Contains(r.Status));
        }

        if (request.Rags.Count > 0)
        {
            var rags = request.Rags.ToList();
            query = query.Where(r => rags.Contains(r.Rag));
        }

        if (request.Roles.Count > 0)
        {
            var roles = request.Roles.ToList();
            query = query.Where(r => roles.Contains(r.Role));
        }

        if (request.OverdueOnly)
        {
            query = query.Where(r => r.Status != ReferralStatus.Decided && r.DueAt < now);
        }

        if (request.AwaitingOutcomeOnly)
        {
            // Sent to a front door, and no decision back although it was due: the referrer chases these.
            query = query.Where(r => r.Role == ReferralRole.ReferrerCopy && r.Status != ReferralStatus.Decided && r.DecisionDueAt < now);
        }

        return query;
    }

    private static Backlog BacklogOf(List<StatusFigures> byStatus, DateTime now)
    {
        var waiting = byStatus.Where(WaitingReferrals.IsWaiting).ToList();
        var backlog = new Backlog { Waiting = waiting.Sum(f => f.Count), Overdue = waiting.Sum(f => f.PastDue) };
        var oldest = waiting.Min(f => f.OldestReceivedAt);
        if (oldest is { } received)
        {
            backlog.OldestReceivedAt = Timestamp.FromDateTime(received);
            backlog.OldestAge = Duration.FromTimeSpan(now - received);
        }

        return backlog;
    }
}
