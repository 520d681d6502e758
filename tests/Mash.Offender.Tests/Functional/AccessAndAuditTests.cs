using Grpc.Core;
using Mash.Contracts.Offender.V1;
using Mash.Offender.Tests.Support;
using Mash.Platform.Audit;
using Mash.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mash.Offender.Tests.Functional;

public sealed class AccessAndAuditTests(OffenderApp app) : IClassFixture<OffenderApp>
{
    private const string Service = "/mash.offender.v1.OffenderService/";

    [Fact]
    public async Task Only_offender_managers_register_a_health_token_is_refused()
    {
        var health = app.As("health-mash", AgencyNames.Health, MashRoles.OffenderReadSummary, MashRoles.StrategyRead);

        var denied = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => app.Client().RegisterOffenderAsync(Samples.Register(), health).ResponseAsync);

        Assert.Contains(MashRoles.OffenderManage, denied.Status.Detail, StringComparison.Ordinal);
        var probation = await app.Client().RegisterOffenderAsync(Samples.Register(), app.As("probation-mash", AgencyNames.Probation, MashRoles.OffenderManage));
        Assert.Equal(OffenderView.Full, probation.View);
    }

    [Fact]
    public async Task Summary_readers_cannot_reach_the_management_lists_and_others_cannot_read_at_all()
    {
        var summary = app.AsSummaryReader();
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => app.Client().ListOverdueVisitsAsync(new ListOverdueVisitsRequest(), summary).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => app.Client().ListNotificationBreachesAsync(new ListNotificationBreachesRequest(), summary).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => app.Client().ListMeasuresAsync(new ListMeasuresRequest { Filter = MeasureFilter.Breached }, summary).ResponseAsync);

        var education = app.As("education-mash", AgencyNames.Education, MashRoles.ReferralSubmit);
        var denied = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => app.Client().GetOffenderAsync(new GetOffenderRequest { OffenderId = "off_x" }, education).ResponseAsync);
        Assert.Contains("Offender.Read or Offender.ReadSummary", denied.Status.Detail, StringComparison.Ordinal);
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => app.Client().ListOffendersInAreaAsync(new ListOffendersInAreaRequest { Area = "x" }).ResponseAsync);
    }

    [Fact]
    public async Task A_call_must_state_its_purpose_and_lawful_basis()
    {
        var metadata = app.As();
        metadata.Remove(metadata.Get("x-mash-purpose")!);
        metadata.Remove(metadata.Get("x-mash-lawful-basis")!);

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => app.Client().RegisterOffenderAsync(Samples.Register(), metadata).ResponseAsync);

        Assert.Equal(["x-mash-purpose", "x-mash-lawful-basis"], RpcAssert.ViolatedFields(error));
    }

    [Fact]
    public async Task Reads_and_writes_are_audited_under_the_offender_and_each_child_whose_identity_was_disclosed()
    {
        var offender = await app.RegisterAsync();
        var id = offender.OffenderId;
        var child = Samples.Child();
        var childKey = app.ChildKey(child);
        await app.LinkAsync(id, child);
        await app.Client().GetOffenderAsync(new GetOffenderRequest { OffenderId = id }, app.As("probation-mash", AgencyNames.Probation, MashRoles.OffenderRead));
        await app.Client().GetOffenderAsync(new GetOffenderRequest { OffenderId = id }, app.AsSummaryReader());
        var stale = new UpdateOffenderRiskRequest { OffenderId = id, Risk = OffenderRisk.High, Rationale = "Review", ExpectedVersion = offender.Version };
        await RpcAssert.FailsWith(StatusCode.Aborted, () => app.Client().UpdateOffenderRiskAsync(stale, app.As()).ResponseAsync);

        var entries = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.RecordId == id).OrderBy(e => e.Sequence).ToListAsync());

        var offenderEntries = entries.Where(e => e.ChildKey == "").ToList();
        Assert.Equal(["RegisterOffender", "LinkChild", "GetOffender", "GetOffender", "UpdateOffenderRisk"], offenderEntries.Select(e => e.Method.Replace(Service, "", StringComparison.Ordinal)));
        Assert.Equal(["police-mash", "police-mash", "probation-mash", "health-mash", "police-mash"], offenderEntries.Select(e => e.ClientId));
        Assert.Equal(["OK", "OK", "OK", "OK", "Aborted"], offenderEntries.Select(e => e.Outcome));
        // The summary reader saw no child: the child's trail shows who did.
        var childEntries = entries.Where(e => e.ChildKey == childKey).ToList();
        Assert.Equal([(Service + "LinkChild", "police-mash"), (Service + "GetOffender", "probation-mash"), (Service + "UpdateOffenderRisk", "police-mash")],
            childEntries.Select(e => (e.Method, e.ClientId)));
        Assert.All(entries, e => Assert.Equal((OffenderApp.Purpose, "LAWFUL_BASIS_LAW_ENFORCEMENT"), (e.Purpose, e.LawfulBasis)));
        Assert.True((await app.WithDbAsync(db => AuditVerifier.VerifyAsync(db))).Intact);
    }
}
