using Mash.Assessment.Tests.Support;
using Mash.Testing.Postgres;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Referral.V1;

namespace Mash.Assessment.Tests.Functional;

public sealed class AssessmentListTests() : AssessmentListScenarios(new AssessmentApp());

/// <summary>The same scenarios with the service on PostgreSQL (keyset paging over its times).</summary>
public sealed class AssessmentListPostgreSqlTests() : AssessmentListScenarios(PostgreSqlFixture.Require(new AssessmentPostgreSqlApp()));

/// <summary>Run on each database provider.</summary>
public abstract class AssessmentListScenarios(AssessmentApp app) : IDisposable
{
    private readonly AssessmentApp _app = app;

    [SkippableFact]
    public async Task Assessments_are_listed_in_due_order_page_by_page_with_the_open_and_overdue_counts()
    {
        var client = _app.Client();
        var oldest = await _app.StartAssessmentAsync(receivedAt: AssessmentApp.MondayMorning.AddDays(-80));
        var older = await _app.StartAssessmentAsync(receivedAt: AssessmentApp.MondayMorning.AddDays(-10));
        var newest = await _app.StartAssessmentAsync();
        await client.RecordCheckAsync(new RecordCheckRequest { AssessmentId = older, Agency = Agency.Police, Result = "Nothing known." }, _app.As());
        await client.CompleteAssessmentAsync(new CompleteAssessmentRequest { AssessmentId = older, RiskLevel = RiskLevel.Low, Rag = Rag.Green, Rationale = "No concerns found." }, _app.As());

        var first = await client.ListAssessmentsAsync(new ListAssessmentsRequest { Page = new PageRequest { PageSize = 2 } }, _app.As());
        var second = await client.ListAssessmentsAsync(new ListAssessmentsRequest { Page = new PageRequest { PageSize = 2, PageToken = first.NextPageToken } }, _app.As());

        Assert.Equal([oldest, older, newest], first.Assessments.Concat(second.Assessments).Select(a => a.AssessmentId));
        Assert.Equal("", second.NextPageToken);
        Assert.Equal((3, 2, 1), (first.TotalMatching, first.Open, first.Overdue));
        Assert.True(first.Assessments[0].Overdue);

        var overdue = await client.ListAssessmentsAsync(new ListAssessmentsRequest { OverdueOnly = true }, _app.As());
        Assert.Equal([oldest], overdue.Assessments.Select(a => a.AssessmentId));
        var completed = await client.ListAssessmentsAsync(new ListAssessmentsRequest { Statuses = { AssessmentStatus.Completed } }, _app.As());
        Assert.Equal([older], completed.Assessments.Select(a => a.AssessmentId));
    }

    [SkippableFact]
    public async Task A_bad_page_token_or_status_is_named()
    {
        var error = await RpcAssert.FailsWith(global::Grpc.Core.StatusCode.InvalidArgument, () => _app.Client().ListAssessmentsAsync(
            new ListAssessmentsRequest { Statuses = { AssessmentStatus.Unspecified }, Page = new PageRequest { PageSize = 500, PageToken = "junk" } }, _app.As()).ResponseAsync);
        Assert.Equal(["page.page_size", "page.page_token", "statuses"], RpcAssert.ViolatedFields(error).Order(StringComparer.Ordinal));
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}
