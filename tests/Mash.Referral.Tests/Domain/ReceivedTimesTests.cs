using Google.Protobuf.WellKnownTypes;
using Mash.Platform.Errors;
using Mash.Referral.Domain;

namespace Mash.Referral.Tests.Domain;

public sealed class ReceivedTimesTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 15, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private static (DateTime ReceivedAt, FieldViolations Violations) Resolve(Timestamp? given, double maxAgeDays = 30)
    {
        var violations = new FieldViolations();
        return (ReceivedTimes.Resolve(violations, given, Now, Tolerance, maxAgeDays), violations);
    }

    private static Timestamp At(DateTime utc) => Timestamp.FromDateTime(utc);

    [Fact]
    public void Without_a_receipt_time_the_contact_was_received_now()
    {
        var (receivedAt, violations) = Resolve(null);
        Assert.Equal(Now, receivedAt);
        Assert.False(violations.HasViolations);
    }

    [Fact]
    public void A_call_taken_this_morning_and_typed_in_this_afternoon_was_received_this_morning()
    {
        var (receivedAt, violations) = Resolve(At(Now.AddHours(-7)));
        Assert.Equal(Now.AddHours(-7), receivedAt);
        Assert.False(violations.HasViolations);
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    public void A_time_a_little_ahead_is_a_clock_difference_further_ahead_is_refused(int minutesAhead, bool refused)
    {
        var (_, violations) = Resolve(At(Now.AddMinutes(minutesAhead)));
        Assert.Equal(refused, violations.HasViolations);
        Assert.All(violations.Items, v => Assert.Equal("received_at", v.Field));
    }

    [Theory]
    [InlineData(30, 30, false)]
    [InlineData(31, 30, true)]
    [InlineData(8, 7, true)]
    public void A_receipt_older_than_the_areas_limit_is_refused(int daysAgo, double maxAgeDays, bool refused)
    {
        var (_, violations) = Resolve(At(Now.AddDays(-daysAgo)), maxAgeDays);
        Assert.Equal(refused, violations.HasViolations);
        if (refused)
        {
            Assert.Contains($"more than {maxAgeDays:0} days ago", Assert.Single(violations.Items).Description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_timestamp_no_clock_can_show_is_refused()
    {
        var (_, violations) = Resolve(new Timestamp { Seconds = 1, Nanos = -5 });
        Assert.Equal("received_at", Assert.Single(violations.Items).Field);
    }
}
