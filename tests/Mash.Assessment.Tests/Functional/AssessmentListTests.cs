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

    [SkippableFact]
    public async Task Assessments_are_listed_for_one_child_or_one_referral()
    {
        var amy = Samples.Child(givenName: "Amy");
        var ben = Samples.Child(nhsNumber: "", givenName: "Ben");
        var amyFirst = await _app.StartAssessmentAsync(amy, AssessmentApp.MondayMorning.AddDays(-20));
        var amySecond = await _app.StartAssessmentAsync(amy);
        var benOnly = await _app.StartAssessmentAsync(ben);
        var client = _app.Client();

        var forAmy = await client.ListAssessmentsAsync(new ListAssessmentsRequest { Child = amy }, _app.As());
        var forBen = await client.ListAssessmentsAsync(new ListAssessmentsRequest { Child = Samples.Child(nhsNumber: "", givenName: "Ben") }, _app.As());
        var referralId = forAmy.Assessments.Single(a => a.AssessmentId == amySecond).ReferralId;
        var forReferral = await client.ListAssessmentsAsync(new ListAssessmentsRequest { ReferralId = referralId }, _app.As());

        Assert.Equal([amyFirst, amySecond], forAmy.Assessments.Select(a => a.AssessmentId));
        Assert.Equal(2, forAmy.TotalMatching);
        Assert.Equal([benOnly], forBen.Assessments.Select(a => a.AssessmentId));
        Assert.Equal([amySecond], forReferral.Assessments.Select(a => a.AssessmentId));
        Assert.Empty((await client.ListAssessmentsAsync(new ListAssessmentsRequest { ReferralId = "ref_unknown" }, _app.As())).Assessments);
    }

    [SkippableFact]
    public async Task An_over_long_referral_id_is_refused_before_the_filter_is_read_then_a_child_who_is_no_one_is_named()
    {
        var error = await RpcAssert.FailsWith(global::Grpc.Core.StatusCode.InvalidArgument, () => _app.Client().ListAssessmentsAsync(
            new ListAssessmentsRequest { Child = new ChildIdentity { NhsNumber = "1234567890" }, ReferralId = new string('r', 20_000) }, _app.As()).ResponseAsync);
        Assert.Equal(["referral_id"], RpcAssert.ViolatedFields(error));
        Assert.DoesNotContain(new string('r', 100), error.Status.Detail, StringComparison.Ordinal);

        error = await RpcAssert.FailsWith(global::Grpc.Core.StatusCode.InvalidArgument, () => _app.Client().ListAssessmentsAsync(
            new ListAssessmentsRequest { Child = new ChildIdentity { NhsNumber = "1234567890" }, ReferralId = "r1" }, _app.As()).ResponseAsync);
        Assert.Equal(["child.nhs_number"], RpcAssert.ViolatedFields(error));
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}
