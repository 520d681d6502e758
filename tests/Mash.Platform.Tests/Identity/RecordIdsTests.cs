using Mash.Platform.Identity;

namespace Mash.Platform.Tests.Identity;

public sealed class RecordIdsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 15, 50, 0, 123, TimeSpan.Zero);

    [Fact]
    public void An_id_is_its_prefix_and_a_version_7_uuid_of_its_time()
    {
        var id = RecordIds.New("ref_", Now);

        Assert.StartsWith("ref_", id);
        var uuid = Guid.ParseExact(id["ref_".Length..], "N");
        Assert.Equal(7, uuid.Version);
        Assert.Equal(0b10, uuid.Variant >> 2);
        var bytes = uuid.ToByteArray(bigEndian: true);
        var milliseconds = bytes[..6].Aggregate(0L, (time, b) => (time << 8) | b);
        Assert.Equal(Now.ToUnixTimeMilliseconds(), milliseconds);
    }

    [Fact]
    public void Ids_sort_by_the_time_they_were_made_and_differ_within_one_millisecond()
    {
        var later = RecordIds.New("evt_", Now.AddMilliseconds(1));
        var same = Enumerable.Range(0, 1_000).Select(_ => RecordIds.New("evt_", Now)).ToList();

        Assert.All(same, id => Assert.True(string.CompareOrdinal(id, later) < 0));
        Assert.Equal(same.Count, same.Distinct().Count());
    }

    [Fact]
    public void Ids_have_the_layout_of_the_runtimes_own_version_7_uuids()
    {
        var ours = RecordIds.NewVersion7(Now).ToString("N");
        var runtimes = Guid.CreateVersion7(Now).ToString("N");

        // The same time and version, the same variant (the top two bits of the 17th hex digit); only the random bits differ.
        Assert.Equal(runtimes[..13], ours[..13]);
        Assert.Equal(Convert.ToInt32(runtimes[16..17], 16) >> 2, Convert.ToInt32(ours[16..17], 16) >> 2);
    }

    [Fact]
    public void A_token_is_128_random_bits_in_hex()
    {
        var tokens = Enumerable.Range(0, 1_000).Select(_ => RecordIds.NewToken()).ToList();

        Assert.All(tokens, token => Assert.Matches("^[0-9a-f]{32}$", token));
        Assert.Equal(tokens.Count, tokens.Distinct().Count());
    }

    [Fact]
    public void A_time_before_1970_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RecordIds.New("ref_", DateTimeOffset.UnixEpoch.AddMilliseconds(-1)));
    }
}
