using Mash.Contracts.Custody.V1;
using Mash.Custody.Data;
using Mash.Custody.Domain;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Paging;
using Mash.Platform.Persistence;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Custody.Application;

/// <summary>At the police node: detentions, what is past due in them, and the partnership's figures.</summary>
internal sealed class DetentionQueries(CustodyDbContext db, CallAudit audit, CustodyRules rules, ServiceClock clock, DetentionCommand command)
{
    private static readonly PageTokenFormat<DateTime> InCustodyOrder = PageTokenFormats.ByTime("c1");
    private static readonly PageTokenFormat<DateTime> NewestOrder = PageTokenFormats.ByTime("c2");
    private static readonly PageTokenFormat<DateTime> BreachOrder = PageTokenFormats.ByTime("c3");

    /// <summary>How far back the list of breaches looks for ones no longer going on.</summary>
    public static readonly TimeSpan BreachLookback = TimeSpan.FromDays(31);

    public Task<Detention> GetAsync(GetDetentionRequest request, CancellationToken cancellationToken)
    {
        new FieldViolations().CheckId("detention_id", request.DetentionId, "detention").ThrowIfAny();
        audit.RequireStatedPurpose();
        return command.ReadAsync(request.DetentionId, cancellationToken);
    }

    public async Task<ListDetentionsResponse> ListAsync(ListDetentionsRequest request, CancellationToken cancellationToken)
    {
        var format = request.InCustodyOnly ? InCustodyOrder : NewestOrder;
        format.CheckPage(new FieldViolations(), request.Page, out var size, out var after).ThrowIfAny("The detentions cannot be listed.");
        audit.RequireStatedPurpose();
        // Children in custody now: the longest in custody first; all detentions: the newest first.
        var query = db.DetentionsWithParts.AsNoTracking();
        var page = await (request.InCustodyOnly ? query.Where(d => d.InCustody) : query)
            .ByTimeAfter(d => d.ArrivedAt, d => d.Id, after, newestFirst: !request.InCustodyOnly)
            .ReadPageAsync(size, cancellationToken);
        var response = new ListDetentionsResponse { NextPageToken = format.NextToken(page, d => (d.ArrivedAt, d.Id)) };
        foreach (var record in page.Items)
        {
            audit.Touch(record.ChildKey, record.Id);
            response.Detentions.Add(command.View(record));
        }

        return response;
    }

    /// <summary>
    /// Breaches oldest due first: those going on now (children in custody, reviews done asleep with no
    /// waking record), and with <c>ongoing_only</c> false also those of the last <see cref="BreachLookback"/>.
    /// </summary>
    public async Task<ListCustodyBreachesResponse> ListBreachesAsync(ListCustodyBreachesRequest request, CancellationToken cancellationToken)
    {
        BreachOrder.CheckPage(new FieldViolations(), request.Page, out var size, out var after).ThrowIfAny("The breaches cannot be listed.");
        audit.RequireStatedPurpose();
        var now = clock.UtcNow;
        var since = now - BreachLookback;
        var candidates = await db.DetentionsWithParts.AsNoTracking()
            .Where(d => d.InCustody || d.Reviews.Any(r => r.ChildAsleep && r.ToldOnWakingAt == null) || (!request.OngoingOnly && d.ArrivedAt >= since))
            .ToListAsync(cancellationToken);
        var breaches = candidates
            .SelectMany(d => CustodyClocks.Breaches(d.Facts(), now, rules.For(d.Area)).Select(b => (Record: d, Breach: b, Position: $"{d.Id}/{(int)b.Kind}/{b.SubjectId}")))
            .Where(x => !request.OngoingOnly || x.Breach.Ongoing);
        var page = Page.OfComputed(breaches, x => x.Breach.DueAt, x => x.Position, after, size);
        var response = new ListCustodyBreachesResponse { NextPageToken = BreachOrder.NextToken(page, x => (x.Breach.DueAt, x.Position)) };
        foreach (var (record, breach, _) in page.Items)
        {
            if (!audit.Subjects.Contains(new AuditSubject(record.ChildKey, record.Id)))
            {
                audit.Touch(record.ChildKey, record.Id);
            }

            response.Breaches.Add(breach.ToContract(record));
        }

        return response;
    }

    public async Task<CustodyReport> ReportAsync(GetCustodyReportRequest request, CancellationToken cancellationToken)
    {
        RequestRules.CheckPeriod(request, out var from, out var to).ThrowIfAny("The report cannot be made.");
        audit.RequireStatedPurpose();
        return await FiguresAsync(from, to, cancellationToken);
    }

    /// <summary>The partnership's figures for detentions authorised from <paramref name="from"/> until <paramref name="to"/>; the report and the gauges share them.</summary>
    public async Task<CustodyReport> FiguresAsync(DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var records = await db.DetentionsWithParts.AsNoTracking()
            .Where(d => d.AuthorisedAt >= from && d.AuthorisedAt < to)
            .ToListAsync(cancellationToken);
        // Figures only: no child is named, so no child's record is disclosed by the report.
        var detentions = records.Select(d => new ReportedDetention(
            d.Facts(), d.AgeAtArrest, d.LookedAfter,
            [.. d.Requests.Where(r => r.Answer.AnsweredAt is not null).Select(r => new ReportedAnswer(r.Answer.Outcome, r.Answer.RefusalReason))],
            d.ReleaseOutcome == ReleaseOutcome.TransferredToLocalAuthority,
            d.NoRequestReason.Length > 0 ? d.NoRequestReason
                : d.CertificateReasonNoRequest.Length > 0 ? d.CertificateReasonNoRequest
                : d.Requests.Select(r => r.NotSentReason).FirstOrDefault(r => r.Length > 0) ?? "")).ToList();
        return PartnershipFigures.Of(detentions, from, to, clock.UtcNow, rules.ZoneOf(rules.Area), rules.For(rules.Area));
    }
}
