using Mash.Bench.Load;

namespace Mash.Bench.Tests;

public sealed class AlternatedTests
{
    [Fact]
    public void Ways_take_turns_forward_then_backward()
    {
        Assert.Equal([0, 1, 2, 2, 1, 0, 0, 1, 2, 2, 1, 0], Alternated.Order(3, 4));
    }

    [Theory]
    [InlineData(2, 4)]
    [InlineData(3, 4)]
    [InlineData(3, 2)]
    public void Over_an_even_number_of_rounds_every_way_gets_as_many_slices_at_the_same_mean_place(int ways, int rounds)
    {
        var order = Alternated.Order(ways, rounds);
        var places = Enumerable.Range(0, ways).Select(way => order.Select((w, place) => (w, place)).Where(x => x.w == way).Select(x => x.place).ToList()).ToList();

        Assert.All(places, p => Assert.Equal(rounds, p.Count));
        // A drift linear in time falls on every way alike.
        Assert.Single(places.Select(p => p.Average()).Distinct());
    }

    [Fact]
    public async Task Each_way_is_measured_in_its_own_figure_for_the_time_given()
    {
        var calls = new int[2];
        var measured = await Alternated.RunAsync(2, new Phases(TimeSpan.Zero, TimeSpan.FromMilliseconds(400)), 2, TimeSpan.Zero,
            new Way("a", async ct => { Interlocked.Increment(ref calls[0]); await Task.Delay(1, ct); }),
            new Way("b", async ct => { Interlocked.Increment(ref calls[1]); await Task.Delay(1, ct); }));

        Assert.Equal(2, measured.Count);
        Assert.All(measured, m => Assert.InRange(m.Elapsed.TotalMilliseconds, 380, 2_000));
        Assert.Equal(calls[0], measured[0].Statuses.Total);
        Assert.Equal(calls[1], measured[1].Statuses.Total);
    }
}
