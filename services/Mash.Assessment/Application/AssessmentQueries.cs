using Mash.Platform.Time;
using Mash.Assessment.Data;
using Mash.Contracts.Assessment.V1;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Identity;
using Mash.Assessment.Domain;
using Mash.Platform.Paging;
using Microsoft.EntityFrameworkCore;
using Mash.Assessment.IntegrationEvents;
using Mash.Platform.Persistence;

namespace Mash.Assessment.Application;

/// <summary>Reading assessments: one by id, or the list in due order with the open and overdue counts.</summary>
internal sealed class AssessmentQueries(AssessmentDbContext db, CallAudit audit, ChildKeyHasher childKeys, ServiceClock clock)
{
    public async Task<Contracts.Assessment.V1.Assessment> GetAsync(GetAssessmentRequest request, CancellationToken cancellationToken)
    {
        new FieldViolations()
            .Require(request.AssessmentId.Length > 0, "assessment_id", "Name the assessment.")
            .Require(request.AssessmentId.Length <= AssessmentRules.MaxAssessmentIdLength, "assessment_id",
                $"At most {AssessmentRules.MaxAssessmentIdLength} characters: not an assessment id.")
            .ThrowIfAny();
        audit.RequireStatedPurpose();
        var record = await db.Assessments.AsNoTracking().Include(a => a.Checks)
            .FirstOrDefaultAsync(a => a.Id == request.AssessmentId, cancellationToken)
            ?? throw RpcErrors.NotFound("assessment", request.AssessmentId);
        audit.Touch(record.ChildKey, record.Id);
        return record.ToContract(clock.UtcNow);
    }

    /// <param name="request">The filters and page.</param>
    /// <param name="cancellationToken">The call's.</param>
    public async Task<ListAssessmentsResponse> ListAsync(ListAssessmentsRequest request, CancellationToken cancellationToken)
    {
        var byChild = ChildIdentityRules.IsGiven(request.Child);
        var violations = PageTokenFormats.Due.CheckPage(new FieldViolations(), request.Page, out var size, out var after)
            .Require(request.Statuses.All(s => s != AssessmentStatus.Unspecified && Enum.IsDefined(s)), "statuses", "Not a known status.")
            .Require(request.ReferralId.Length <= AssessmentRules.MaxReferralIdLength, "referral_id",
                $"At most {AssessmentRules.MaxReferralIdLength} characters: not a referral id.");
        if (byChild)
        {
            ChildIdentityRules.Validate(violations, "child", request.Child, clock.Today);
        }

        violations.ThrowIfAny();
        audit.RequireStatedPurpose();

        var now = clock.UtcNow;
        var matching = Filter(request, byChild ? childKeys.KeyFor(request.Child) : null, now);
        var page = matching;
        if (after is not null)
        {
            page = page.Where(a => a.DueAt > after.Key || (a.DueAt == after.Key && string.Compare(a.Id, after.Id) > 0));
        }

        var records = await page.Include(a => a.Checks).OrderBy(a => a.DueAt).ThenBy(a => a.Id).ReadPageAsync(size, cancellationToken);
        var open = db.Assessments.AsNoTracking().Where(a => a.Status == AssessmentStatus.Open);
        var response = new ListAssessmentsResponse
        {
            TotalMatching = await matching.CountAsync(cancellationToken),
            Open = await open.CountAsync(cancellationToken),
            Overdue = await open.CountAsync(a => a.DueAt < now, cancellationToken),
        };
        foreach (var record in records.Items)
        {
            audit.Touch(record.ChildKey, record.Id);
            response.Assessments.Add(record.ToContract(now));
        }

        response.NextPageToken = PageTokenFormats.Due.NextToken(records, last => (last.DueAt, last.Id));

        return response;
    }

    private IQueryable<AssessmentRecord> Filter(ListAssessmentsRequest request, string? childKey, DateTime now)
    {
        var query = db.Assessments.AsNoTracking();
        if (childKey is not null)
        {
            query = query.Where(a => a.ChildKey == childKey);
        }

        if (request.ReferralId.Length > 0)
        {
            query = query.Where(a => a.ReferralId == request.ReferralId);
        }

        if (request.Statuses.Count > 0)
        {
            var statuses = request.Statuses.ToList();
            query = query.Where(a => statuses.Contains(a.Status));
        }

        if (request.OverdueOnly)
        {
            query = query.Where(a => a.Status == AssessmentStatus.Open && a.DueAt < now);
        }

        return query;
    }
}
