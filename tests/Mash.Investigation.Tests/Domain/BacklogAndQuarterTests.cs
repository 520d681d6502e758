using Mash.Contracts.Investigation.V1;
using Mash.Investigation.Domain;

namespace Mash.Investigation.Tests.Domain;

/// <summary>The device backlog and its weekly trend, charging waits, and calendar quarters in the area's time.</summary>
public sealed class BacklogAndQuarterTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    private static DeviceFacts Submitted(double daysAgo, double? examinedDaysAgo = null, DevicePriority priority = DevicePriority.Medium) =>
        new(Now.AddDays(-daysAgo - 1), Now.AddDays(-daysAgo), examinedDaysAgo is { } e ? Now.AddDays(-e) : null, priority);

    [Fact]
    public void The_backlog_counts_devices_submitted_and_not_examined_with_the_oldest_and_median_wait_by_priority()
    {
        var devices = new[]
        {
            Submitted(150, priority: DevicePriority.Urgent), Submitted(10), Submitted(20), Submitted(40, examinedDaysAgo: 1),
            new DeviceFacts(Now.AddDays(-3), null, null, DevicePriority.High),
        };

        var backlog = DeviceBacklogs.At(devices, Now);

        Assert.Equal((3, TimeSpan.FromDays(150), TimeSpan.FromDays(20)), (backlog.Waiting, backlog.Oldest, backlog.Median));
        Assert.Equal([(DevicePriority.Urgent, 1), (DevicePriority.Medium, 2)], backlog.ByPriority.Select(p => (p.Priority, p.Waiting)));
        Assert.Equal(TimeSpan.FromDays(15), Platform.Figures.Medians.OfSorted([TimeSpan.FromDays(10), TimeSpan.FromDays(20)]));
        Assert.Equal(TimeSpan.Zero, Platform.Figures.Medians.OfSorted([]));
    }

    [Fact]
    public void The_trend_is_the_backlog_at_each_weeks_end_in_local_time_across_the_clock_change()
    {
        // Wednesday 31 March 2027 (BST since Sunday 28th).
        var wednesday = new DateTime(2027, 3, 31, 12, 0, 0, DateTimeKind.Utc);

        var ends = DeviceBacklogs.WeekEnds(wednesday, 3, London);

        Assert.Equal(
            [new DateTime(2027, 3, 22, 0, 0, 0, DateTimeKind.Utc), new DateTime(2027, 3, 28, 23, 0, 0, DateTimeKind.Utc), new DateTime(2027, 4, 4, 23, 0, 0, DateTimeKind.Utc)],
            ends);
        var device = new DeviceFacts(new DateTime(2027, 3, 20, 0, 0, 0, DateTimeKind.Utc), new DateTime(2027, 3, 25, 0, 0, 0, DateTimeKind.Utc),
            new DateTime(2027, 3, 30, 0, 0, 0, DateTimeKind.Utc), DevicePriority.High);
        Assert.Equal([0, 1, 0], DeviceBacklogs.WeeklyTrend([device], ends, wednesday).Select(w => w.Waiting));
    }

    [Fact]
    public void A_file_waits_from_sending_to_the_decision_or_to_now_and_is_listed_past_the_threshold()
    {
        var rules = new AreaInvestigationRules { ChargingWaitDays = 28 };
        var sent = Now.AddDays(-90);

        Assert.Equal(TimeSpan.FromDays(90), ChargingWaits.Wait(sent, null, Now));
        Assert.True(ChargingWaits.OverThreshold(sent, null, Now, rules));
        Assert.False(ChargingWaits.OverThreshold(sent, sent.AddDays(27), Now, rules));
    }

    [Theory]
    [InlineData("2026-03-31T23:30:00Z", "2026-Q2")] // 00:30 on 1 April in London (BST)
    [InlineData("2026-03-31T22:30:00Z", "2026-Q1")]
    [InlineData("2026-12-31T23:30:00Z", "2026-Q4")] // GMT: still 31 December
    [InlineData("2027-01-01T00:00:00Z", "2027-Q1")]
    public void A_moments_quarter_is_its_quarter_in_the_areas_local_time(string utc, string quarter) =>
        Assert.Equal(quarter, Quarter.Of(DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal), London).ToString());

    [Fact]
    public void Quarters_parse_count_and_run_across_years()
    {
        Assert.True(Quarter.TryParse("2026-Q3", out var from));
        Assert.True(Quarter.TryParse("2027-q2", out var to));
        Assert.False(Quarter.TryParse("2026-Q5", out _));
        Assert.False(Quarter.TryParse("26-Q1", out _));
        Assert.Equal(["2026-Q3", "2026-Q4", "2027-Q1", "2027-Q2"], Quarter.Range(from, to).Select(q => q.ToString()));
        Assert.Equal(4, Quarter.Count(from, to));
    }
}
