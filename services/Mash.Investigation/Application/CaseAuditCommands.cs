using Google.Protobuf;
using Mash.Contracts.Investigation.V1;
using Mash.Investigation.Data;
using Mash.Investigation.Domain;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Idempotency;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Mash.Platform.Identity;

namespace Mash.Investigation.Application;

/// <summary>Case audits: an auditor grades a case against the area's criteria; the results by quarter carry no child-level data.</summary>
internal sealed class CaseAuditCommands(InvestigationStore store, InvestigationRules rules, CallAudit audit, ServiceClock clock)
{
    public const int MaxQuarters = 20;

    public async Task<CaseAudit> RecordAsync(RecordCaseAuditRequest request, CancellationToken cancellationToken)
    {
        // The criteria are those of the investigation's area.
        new FieldViolations().CheckId("investigation_id", request.InvestigationId, "investigation").ThrowIfAny("The audit cannot be recorded.");
        var area = await store.Db.Investigations.AsNoTracking().Where(i => i.Id == request.InvestigationId).Select(i => i.Area).FirstOrDefaultAsync(cancellationToken)
            ?? throw RpcErrors.NotFound("investigation", request.InvestigationId);
        var criteria = rules.For(area).Criteria;
        var at = InvestigationRequestRules.CheckAudit(request, clock.UtcNow, criteria);
        CaseAudit? recorded = null;
        return await store.ChangeOnceAsync(request.IdempotencyKey, "RecordCaseAudit", RequestFingerprint.Of(request), request.InvestigationId, record =>
        {
            new FieldViolations().CheckNotBefore("audited_at", at, record.OpenedAt, "the investigation's opening").ThrowIfAny("The audit cannot be recorded.");
            var quarter = Quarter.Of(at, rules.ZoneOf(record.Area)).ToString();
            recorded = new CaseAudit
            {
                AuditId = RecordIds.New("aud_", clock.Now), InvestigationId = record.Id, Auditor = request.Auditor.Trim(), AuditedAt = Timestamps.Of(at),
                Quarter = quarter, Grade = request.Grade, Findings = request.Findings.Trim(), Actions = { request.Actions.Select(a => a.Trim()).Where(a => a.Length > 0) },
            };
            // In the area's order and spelling, whatever order the auditor gave them in.
            recorded.Criteria.AddRange(criteria
                .Select(name => (Name: name, Given: request.Criteria.First(c => string.Equals(c.Criterion, name, StringComparison.OrdinalIgnoreCase))))
                .Select(c => new CriterionResult { Criterion = c.Name, Met = c.Given.Met, Note = c.Given.Note.Trim() }));
            store.Db.CaseAudits.Add(new CaseAuditRecord
            {
                Id = recorded.AuditId, InvestigationId = record.Id, AuditedAt = at, Quarter = quarter, Grade = request.Grade, Audit = recorded.ToByteArray(),
            });
            return recorded.AuditId;
        }, ReadAsync, (_, _, _) => Task.FromResult(recorded!), cancellationToken);
    }

    private async Task<CaseAudit> ReadAsync(string auditId, CancellationToken cancellationToken)
    {
        var record = await store.Db.CaseAudits.AsNoTracking().FirstAsync(a => a.Id == auditId, cancellationToken);
        await store.TouchChildrenAsync([record.InvestigationId], cancellationToken);
        return CaseAudit.Parser.ParseFrom(record.Audit);
    }

    /// <summary>Grades and criteria met, per quarter from <c>from_quarter</c> to <c>to_quarter</c> (default: the last four).</summary>
    public async Task<AuditResults> ResultsAsync(GetAuditResultsRequest request, CancellationToken cancellationToken)
    {
        var current = Quarter.Of(clock.UtcNow, rules.ZoneOf(rules.Area));
        var v = new FieldViolations();
        var from = ParseQuarter(v, "from_quarter", request.FromQuarter, current.Previous.Previous.Previous);
        var to = ParseQuarter(v, "to_quarter", request.ToQuarter, current);
        v.Require(from.CompareTo(to) <= 0, "to_quarter", "The period ends before it starts.")
            .Require(from.CompareTo(to) > 0 || Quarter.Count(from, to) <= MaxQuarters, "from_quarter", $"At most {MaxQuarters} quarters.")
            .ThrowIfAny("The results cannot be read.");
        audit.RequireStatedPurpose();
        var names = Quarter.Range(from, to).Select(q => q.ToString()).ToList();
        var rows = await store.Db.CaseAudits.AsNoTracking().Where(a => names.Contains(a.Quarter)).Select(a => new { a.Quarter, a.Audit }).ToListAsync(cancellationToken);
        var results = new AuditResults();
        foreach (var quarter in names)
        {
            var audits = rows.Where(r => r.Quarter == quarter).Select(r => CaseAudit.Parser.ParseFrom(r.Audit)).ToList();
            var line = new QuarterResults
            {
                Quarter = quarter,
                Good = audits.Count(a => a.Grade == AuditGrade.Good),
                RequiresImprovement = audits.Count(a => a.Grade == AuditGrade.RequiresImprovement),
                Inadequate = audits.Count(a => a.Grade == AuditGrade.Inadequate),
            };
            line.Criteria.AddRange(audits.SelectMany(a => a.Criteria).GroupBy(c => c.Criterion, StringComparer.OrdinalIgnoreCase)
                .Select(g => new CriterionRate { Criterion = g.Key, Met = g.Count(c => c.Met), Assessed = g.Count() }));
            results.Quarters.Add(line);
        }

        return results;
    }

    private static Quarter ParseQuarter(FieldViolations v, string field, string text, Quarter fallback)
    {
        if (text.Length == 0)
        {
            return fallback;
        }

        v.Require(Quarter.TryParse(text, out var quarter), field, "A quarter such as 2026-Q4.");
        return quarter == default ? fallback : quarter;
    }
}
