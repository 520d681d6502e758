using Mash.Custody.Telemetry;
using Mash.Custody.Tests.Support;
using Mash.Testing.Telemetry;

namespace Mash.Custody.Tests.Functional;

/// <summary>What a custody inspector's dashboard shows: children in custody, breaches going on, and the partnership's figures.</summary>
public sealed class CustodyMetricsTests : IDisposable
{
    private readonly CustodyApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_child_waiting_too_long_for_an_appropriate_adult_shows_as_an_ongoing_breach_until_the_adult_arrives()
    {
        var arrested = _app.Now.AddHours(-4);
        var opened = await _app.OpenAsync(CustodyApp.Child("Gus", new DateOnly(2012, 7, 7)), arrested);
        var asked = await _app.AskForAppropriateAdultAsync(opened.DetentionId, arrested.AddMinutes(40));

        var waiting = await AppMetrics.GaugeAsync<long>(_app.Services, CustodyMetrics.OngoingBreaches);
        Assert.Equal(1, waiting.Value("kind", "AppropriateAdultWait"));
        Assert.Equal(1, (await AppMetrics.GaugeAsync<long>(_app.Services, CustodyMetrics.InCustody)).Value());
        Assert.Equal(1, (await AppMetrics.GaugeAsync<long>(_app.Services, CustodyMetrics.Last30Days)).Value("figure", "children_held"));

        await _app.AttendedAsync(opened.DetentionId, asked.AppropriateAdults[0].AppropriateAdultId, _app.Now.AddMinutes(-1));

        var attended = await AppMetrics.GaugeAsync<long>(_app.Services, CustodyMetrics.OngoingBreaches);
        Assert.DoesNotContain(attended, m => m.Tags.Any(t => t.Key == "kind" && (string?)t.Value == "AppropriateAdultWait"));
        Assert.Equal(1, (await AppMetrics.GaugeAsync<long>(_app.Services, CustodyMetrics.Last30Days)).Value("figure", "appropriate_adult_waits_over_limit"));
    }
}
