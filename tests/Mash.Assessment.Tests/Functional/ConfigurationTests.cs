using Mash.Assessment.Tests.Support;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Events.V1;
using Microsoft.Extensions.Options;

namespace Mash.Assessment.Tests.Functional;

/// <summary>Timescales and the screening table are each area's configuration, not constants.</summary>
public sealed class ConfigurationTests
{
    [Fact]
    public async Task An_area_with_its_own_timescale_gets_its_own_due_time()
    {
        using var app = new AssessmentApp(null, settings: new Dictionary<string, string> { ["Mash:Assessment:Timescales:Areas:merton:AssessmentWorkingDays"] = "10" });
        var referral = Samples.Referral(area: "merton");
        await app.DeliverReferralAsync(referral);

        var list = await app.Client().ListAssessmentsAsync(new ListAssessmentsRequest(), app.As());
        Assert.Equal(new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc), Assert.Single(list.Assessments).DueAt.ToDateTime());
    }

    [Fact]
    public async Task The_screening_weights_and_bands_are_read_from_configuration()
    {
        using var app = new AssessmentApp(null, settings: new Dictionary<string, string>
        {
            ["Mash:Assessment:CseScreening:Weights:SchoolAbsence"] = "5",
            ["Mash:Assessment:CseScreening:HighFrom"] = "5",
            ["Mash:Assessment:CseScreening:MediumFrom"] = "3",
        });

        var screening = await app.Client().ScreenCseAsync(new ScreenCseRequest { Indicators = { CseIndicator.SchoolAbsence } }, app.As());

        Assert.Equal((5, CseRisk.High), (screening.Score, screening.Risk));
    }

    [Fact]
    public void A_screening_table_that_cannot_band_stops_the_service_at_start()
    {
        using var app = new AssessmentApp(null, settings: new Dictionary<string, string> { ["Mash:Assessment:CseScreening:MediumFrom"] = "12" });
        Assert.Throws<OptionsValidationException>(() => app.Services);
    }
}
