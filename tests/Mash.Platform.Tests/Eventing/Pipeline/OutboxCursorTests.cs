using Mash.Platform.Eventing.Outbox;
using Microsoft.Extensions.Time.Testing;

namespace Mash.Platform.Tests.Eventing.Pipeline;

public sealed class OutboxCursorTests
{
    private static readonly TimeSpan Sweep = TimeSpan.FromSeconds(1);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void The_first_query_sweeps_the_whole_outbox()
    {
        var cursor = new OutboxCursor(_time, Sweep);

        Assert.Equal(0, cursor.NextQueryAfter());
    }

    [Fact]
    public void Between_sweeps_a_query_starts_after_the_last_row_published()
    {
        var cursor = new OutboxCursor(_time, Sweep);
        cursor.NextQueryAfter();
        cursor.Published(40);

        Assert.Equal(40, cursor.NextQueryAfter());
        cursor.Published(75);
        _time.Advance(Sweep - TimeSpan.FromMilliseconds(1));
        Assert.Equal(75, cursor.NextQueryAfter());
    }

    [Fact]
    public void Once_the_interval_has_passed_the_next_query_sweeps_again_and_the_one_after_resumes()
    {
        var cursor = new OutboxCursor(_time, Sweep);
        cursor.NextQueryAfter();
        cursor.Published(40);

        _time.Advance(Sweep);
        Assert.Equal(0, cursor.NextQueryAfter());
        Assert.Equal(40, cursor.NextQueryAfter());
    }

    [Fact]
    public void A_sweep_that_publishes_an_older_row_does_not_move_the_cursor_back()
    {
        var cursor = new OutboxCursor(_time, Sweep);
        cursor.NextQueryAfter();
        cursor.Published(40);
        _time.Advance(Sweep);
        cursor.NextQueryAfter();

        cursor.Published(12);

        Assert.Equal(40, cursor.PublishedUpTo);
        Assert.Equal(40, cursor.NextQueryAfter());
    }
}
