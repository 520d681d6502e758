using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Offender.V1;
using Mash.Offender.Tests.Support;

namespace Mash.Offender.Tests.Functional;

/// <summary>Child abduction warning notices, orders and bail conditions: who they protect, when they expire, their breaches.</summary>
public sealed class MeasureTests(OffenderApp app) : IClassFixture<OffenderApp>
{
    private static readonly DateOnly Today = OffenderApp.Today;

    private static AddPreventativeMeasureRequest Measure(
        string offenderId, MeasureType type, DateOnly? expiresOn, params ProtectedChild[] children) => new()
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            OffenderId = offenderId,
            Type = type,
            StartsOn = Samples.Day(Today.AddMonths(-3)),
            ExpiresOn = expiresOn is { } day ? Samples.Day(day) : null,
            Conditions = "Not to contact or be in the company of the named children.",
            Reference = "WMP-CAWN-0042",
            ProtectedChildren = { children },
        };

    [Fact]
    public async Task A_notice_for_a_17_year_old_not_in_care_is_refused_naming_the_child_and_accepted_in_care()
    {
        var offender = await app.RegisterAsync();
        // 17 on the day the notice started, three months ago.
        var erin = Samples.Child("Erin", Today.AddYears(-17).AddMonths(-6));
        var notice = Measure(offender.OffenderId, MeasureType.ChildAbductionWarningNotice, Today.AddYears(1), new ProtectedChild { Child = erin });

        var refused = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => app.Client().AddPreventativeMeasureAsync(notice, app.As()).ResponseAsync);

        Assert.Equal(["protected_children[0].child.date_of_birth"], RpcAssert.ViolatedFields(refused));
        Assert.Contains("Erin Example is 17", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("not in local-authority care", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Empty((await app.Client().GetOffenderAsync(new GetOffenderRequest { OffenderId = offender.OffenderId }, app.As())).Details.Measures);

        notice.ProtectedChildren[0].InLocalAuthorityCare = true;
        var accepted = await app.Client().AddPreventativeMeasureAsync(notice, app.As());

        Assert.True(accepted.Active);
        var protectedChild = Assert.Single(accepted.ProtectedChildren);
        Assert.Equal((erin, true, ChildMatchStatus.Confirmed), (protectedChild.Child, protectedChild.InLocalAuthorityCare, protectedChild.ChildMatch));
        var summary = await app.Client().GetOffenderAsync(new GetOffenderRequest { OffenderId = offender.OffenderId }, app.AsSummaryReader());
        Assert.True(summary.HasActiveMeasures);
        Assert.Null(summary.Details);
    }

    [Fact]
    public async Task A_notice_is_issued_to_a_person_of_concern_who_is_not_mappa_managed_under_the_same_rule_for_the_child()
    {
        var register = Samples.Register(OffenderRisk.High);
        register.MappaCategory = MappaCategory.NotMappa;
        register.MappaLevel = MappaLevel.Unspecified;
        register.NotificationRequirements = new NotificationRequirements();
        register.RiskRationale = "Adult befriending children at the skate park; no convictions.";
        var person = await app.RegisterAsync(register);
        Assert.Equal((MappaCategory.NotMappa, MappaLevel.Unspecified), (person.MappaCategory, person.MappaLevel));
        Assert.Null(person.Details.VisitSchedule?.NextDueBy); // visited when there is cause, not on a schedule

        var child = Samples.Child("Fern", Today.AddYears(-14));
        var tooOld = Samples.Child("Gus", Today.AddYears(-16).AddMonths(-6));
        var refused = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => app.Client().AddPreventativeMeasureAsync(
            Measure(person.OffenderId, MeasureType.ChildAbductionWarningNotice, Today.AddYears(2), new ProtectedChild { Child = tooOld }), app.As()).ResponseAsync);
        var notice = await app.Client().AddPreventativeMeasureAsync(
            Measure(person.OffenderId, MeasureType.ChildAbductionWarningNotice, Today.AddYears(2), new ProtectedChild { Child = child }), app.As());

        Assert.Equal(["protected_children[0].child.date_of_birth"], RpcAssert.ViolatedFields(refused));
        Assert.True(notice.Active);
        Assert.Equal(child, Assert.Single(notice.ProtectedChildren).Child);

        // A MAPPA level for someone not MAPPA-managed is a contradiction, refused naming the field.
        var levelled = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => app.Client().UpdateOffenderRiskAsync(new UpdateOffenderRiskRequest
        {
            OffenderId = person.OffenderId, Risk = OffenderRisk.VeryHigh, Rationale = "Seen with the child again", MappaLevel = MappaLevel.MultiAgencyManagement,
        }, app.As()).ResponseAsync);
        Assert.Equal(["mappa_level"], RpcAssert.ViolatedFields(levelled));
    }

    [Fact]
    public async Task Measures_expiring_soon_and_breached_are_listed()
    {
        var area = "Measures " + Guid.NewGuid().ToString("N")[..8];
        var offender = await app.RegisterAsync(Samples.Register(area: area));
        var soon = await app.Client().AddPreventativeMeasureAsync(Measure(offender.OffenderId, MeasureType.BailConditions, Today.AddDays(10)), app.As());
        var later = await app.Client().AddPreventativeMeasureAsync(Measure(offender.OffenderId, MeasureType.BailConditions, Today.AddDays(20)), app.As());
        var order = await app.Client().AddPreventativeMeasureAsync(Measure(offender.OffenderId, MeasureType.SexualHarmPreventionOrder, null), app.As());

        var expiring = await app.Client().ListMeasuresAsync(new ListMeasuresRequest { Filter = MeasureFilter.ExpiringSoon, Area = area }, app.As());
        var within14 = await app.Client().ListMeasuresAsync(new ListMeasuresRequest { Filter = MeasureFilter.ExpiringSoon, Area = area, ExpiringWithinDays = 14 }, app.As());

        Assert.Equal([soon.MeasureId, later.MeasureId], expiring.Measures.Select(m => m.Measure.MeasureId));
        Assert.Equal([soon.MeasureId], within14.Measures.Select(m => m.Measure.MeasureId));
        Assert.Equal(offender.OffenderId, expiring.Measures[0].Offender.OffenderId);

        var breach = new RecordMeasureBreachRequest
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            MeasureId = order.MeasureId,
            OccurredOn = Samples.Day(Today.AddDays(-1)),
            Details = "Seen talking to children outside a primary school.",
        };
        var breached = await app.Client().RecordMeasureBreachAsync(breach, app.As());
        var retried = await app.Client().RecordMeasureBreachAsync(breach, app.As());

        Assert.Equal(breached, retried);
        Assert.Equal("Seen talking to children outside a primary school.", Assert.Single(retried.Breaches).Details);
        var listed = await app.Client().ListMeasuresAsync(new ListMeasuresRequest { Filter = MeasureFilter.Breached, Area = area }, app.As());
        Assert.Equal([order.MeasureId], listed.Measures.Select(m => m.Measure.MeasureId));
    }

    [Fact]
    public async Task A_breach_falls_within_the_measure_and_an_unknown_measure_is_not_found()
    {
        var offender = await app.RegisterAsync();
        var bail = await app.Client().AddPreventativeMeasureAsync(Measure(offender.OffenderId, MeasureType.BailConditions, Today.AddDays(30)), app.As());

        var early = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => app.Client().RecordMeasureBreachAsync(new RecordMeasureBreachRequest
        {
            IdempotencyKey = "early",
            MeasureId = bail.MeasureId,
            OccurredOn = Samples.Day(Today.AddMonths(-4)),
            Details = "Curfew broken.",
        }, app.As()).ResponseAsync);
        Assert.Equal(["occurred_on"], RpcAssert.ViolatedFields(early));
        await RpcAssert.FailsWith(StatusCode.NotFound, () => app.Client().RecordMeasureBreachAsync(new RecordMeasureBreachRequest
        {
            IdempotencyKey = "unknown",
            MeasureId = "msr_unknown",
            OccurredOn = Samples.Day(Today),
            Details = "Curfew broken.",
        }, app.As()).ResponseAsync);
    }
}
