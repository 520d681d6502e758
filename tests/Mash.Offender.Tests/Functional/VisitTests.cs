using Mash.Contracts.Common.V1;
using Mash.Contracts.Offender.V1;
using Mash.Offender.Tests.Support;

namespace Mash.Offender.Tests.Functional;

/// <summary>Visits follow risk; what is overdue is listed by area and by managing officer.</summary>
public sealed class VisitTests(OffenderApp app) : IClassFixture<OffenderApp>
{
    private static readonly DateOnly Today = OffenderApp.Today;

    private Task<Contracts.Offender.V1.Offender> RegisteredWeeksAgoAsync(OffenderRisk risk, string area, string officer, int weeks) =>
        app.RegisterAsync(Samples.Register(risk, area, officer, Today.AddDays(-7 * weeks)));

    private Task<Contracts.Offender.V1.Offender> VisitAsync(string offenderId, VisitOutcome outcome, string? key = null) =>
        app.Client().RecordVisitAsync(new RecordVisitRequest
        {
            IdempotencyKey = key ?? Guid.NewGuid().ToString("N"),
            OffenderId = offenderId,
            VisitedOn = Samples.Day(Today),
            Officer = "PC 1234 Example",
            Outcome = outcome,
        }, app.As()).ResponseAsync;

    [Fact]
    public async Task Overdue_visits_are_listed_by_area_and_officer_longest_overdue_first()
    {
        var area = "Visits " + Guid.NewGuid().ToString("N")[..8];
        var veryHigh = await RegisteredWeeksAgoAsync(OffenderRisk.VeryHigh, area, "PC X", 5);
        var high = await RegisteredWeeksAgoAsync(OffenderRisk.High, area, "PC Y", 14);
        await RegisteredWeeksAgoAsync(OffenderRisk.Low, area, "PC X", 60);
        await RegisteredWeeksAgoAsync(OffenderRisk.Medium, area, "PC X", 20);
        await RegisteredWeeksAgoAsync(OffenderRisk.VeryHigh, area + " South", "PC X", 10);

        var inArea = await app.Client().ListOverdueVisitsAsync(new ListOverdueVisitsRequest { Area = area }, app.As());
        var byOfficer = await app.Client().ListOverdueVisitsAsync(new ListOverdueVisitsRequest { Area = area, ManagingOfficer = "pc x" }, app.As());

        Assert.Equal([high.OffenderId, veryHigh.OffenderId], inArea.Visits.Select(v => v.Offender.OffenderId));
        Assert.Equal(2, inArea.TotalOverdue);
        Assert.Equal((14, 12, Samples.Day(Today.AddDays(-14))), (inArea.Visits[0].DaysOverdue, inArea.Visits[0].IntervalWeeks, inArea.Visits[0].DueBy));
        Assert.Equal([veryHigh.OffenderId], byOfficer.Visits.Select(v => v.Offender.OffenderId));
        Assert.Equal(("PC X", area), (byOfficer.Visits[0].Offender.ManagingOfficer, byOfficer.Visits[0].Offender.Area));

        var paged = await app.Client().ListOverdueVisitsAsync(new ListOverdueVisitsRequest { Area = area, Page = new PageRequest { PageSize = 1 } }, app.As());
        var next = await app.Client().ListOverdueVisitsAsync(new ListOverdueVisitsRequest { Area = area, Page = new PageRequest { PageSize = 1, PageToken = paged.NextPageToken } }, app.As());
        Assert.Equal([high.OffenderId, veryHigh.OffenderId], paged.Visits.Concat(next.Visits).Select(v => v.Offender.OffenderId));
    }

    [Fact]
    public async Task A_visit_where_the_offender_was_seen_resets_the_schedule_no_access_does_not()
    {
        var area = "Visits " + Guid.NewGuid().ToString("N")[..8];
        var offender = await RegisteredWeeksAgoAsync(OffenderRisk.VeryHigh, area, "PC Z", 6);

        var noAccess = await VisitAsync(offender.OffenderId, VisitOutcome.NoAccess);
        Assert.True(noAccess.Details.VisitSchedule.Overdue);
        Assert.Single((await app.Client().ListOverdueVisitsAsync(new ListOverdueVisitsRequest { Area = area }, app.As())).Visits);

        var key = Guid.NewGuid().ToString("N");
        var seen = await VisitAsync(offender.OffenderId, VisitOutcome.SeenNoConcerns, key);
        var retried = await VisitAsync(offender.OffenderId, VisitOutcome.SeenNoConcerns, key);

        Assert.Equal((Samples.Day(Today), Samples.Day(Today.AddDays(28)), false), (seen.Details.VisitSchedule.LastSeenOn, seen.Details.VisitSchedule.NextDueBy, seen.Details.VisitSchedule.Overdue));
        Assert.Equal(2, retried.Details.Visits.Count);
        Assert.Empty((await app.Client().ListOverdueVisitsAsync(new ListOverdueVisitsRequest { Area = area }, app.As())).Visits);
    }

    [Fact]
    public async Task A_raised_risk_brings_the_next_visit_forward()
    {
        var area = "Visits " + Guid.NewGuid().ToString("N")[..8];
        var offender = await RegisteredWeeksAgoAsync(OffenderRisk.Medium, area, "PC Z", 8);
        Assert.Equal(Samples.Day(Today.AddDays(7 * 18)), offender.Details.VisitSchedule.NextDueBy);

        var raised = await app.UpdateRiskAsync(offender.OffenderId, OffenderRisk.High);

        Assert.Equal(Samples.Day(Today.AddDays(7 * 4)), raised.Details.VisitSchedule.NextDueBy);
        var veryHigh = await app.UpdateRiskAsync(offender.OffenderId, OffenderRisk.VeryHigh);
        Assert.True(veryHigh.Details.VisitSchedule.Overdue);
    }
}
