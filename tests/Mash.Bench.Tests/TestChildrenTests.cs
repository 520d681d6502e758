using Mash.Platform.Identity;
using Mash.Testing.Nodes;

namespace Mash.Bench.Tests;

/// <summary>The benchmark invents millions of children: each must still be one the services accept.</summary>
public sealed class TestChildrenTests
{
    [Theory]
    [InlineData(9_999_998)]
    [InlineData(10_000_000)]
    [InlineData(10_000_001)]
    [InlineData(123_456_789)]
    public void A_child_past_ten_million_serials_still_has_a_valid_ten_digit_NHS_number(long serial)
    {
        var child = Enumerable.Range(0, 3).Select(step => TestChildren.ForSerial(serial + step)).First(c => c is not null)!;

        Assert.Equal(10, child.NhsNumber.Length);
        Assert.StartsWith("99", child.NhsNumber, StringComparison.Ordinal);
        Assert.True(NhsNumber.IsValid(child.NhsNumber), child.NhsNumber);
    }

    [Fact]
    public void Serials_ten_million_apart_name_the_same_child_number()
    {
        Assert.Equal(TestChildren.ForSerial(4_321_000)?.NhsNumber, TestChildren.ForSerial(14_321_000)?.NhsNumber);
    }
}
