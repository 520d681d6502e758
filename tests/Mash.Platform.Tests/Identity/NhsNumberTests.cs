using Mash.Platform.Identity;

namespace Mash.Platform.Tests.Identity;

public sealed class NhsNumberTests
{
    /// <summary>
    /// The NHS modulus-11 rule, written out here independently of the platform: weights 10..2 on
    /// the first nine digits, check = 11 - (sum mod 11), 11 becomes 0, 10 means no valid number.
    /// </summary>
    private static int ExpectedCheckDigit(string firstNine)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (firstNine[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        return check == 11 ? 0 : check;
    }

    [Theory]
    [InlineData("9434765919", "9434765919")]
    [InlineData("4010232137", "4010232137")]
    [InlineData("943 476 5919", "9434765919")]
    [InlineData("943-476-5919", "9434765919")]
    [InlineData(" 9434765919 ", "9434765919")]
    public void Known_valid_numbers_are_accepted_and_given_as_ten_digits(string typed, string expectedDigits)
    {
        // The fixture itself obeys the rule as computed here.
        Assert.Equal(expectedDigits[9] - '0', ExpectedCheckDigit(expectedDigits[..9]));

        var verdict = NhsNumber.Check(typed, out var digits);

        Assert.Equal(NhsNumber.Verdict.Valid, verdict);
        Assert.Equal(expectedDigits, digits);
        Assert.True(NhsNumber.IsValid(typed));
    }

    [Theory]
    [InlineData("9434765919")]
    [InlineData("4010232137")]
    public void Every_other_last_digit_is_a_bad_check_digit(string valid)
    {
        for (var d = 0; d <= 9; d++)
        {
            if (d == valid[9] - '0')
            {
                continue;
            }

            var mistyped = valid[..9] + (char)('0' + d);
            Assert.Equal(NhsNumber.Verdict.BadCheckDigit, NhsNumber.Check(mistyped, out var digits));
            Assert.Equal("", digits);
            Assert.False(NhsNumber.IsValid(mistyped));
        }
    }

    [Fact]
    public void A_remainder_of_zero_gives_check_digit_zero()
    {
        var firstNine = FirstNineWithCheck(0, from: 100_000_000);

        Assert.True(NhsNumber.IsValid(firstNine + "0"), firstNine + "0");
    }

    [Fact]
    public void When_the_check_would_be_10_no_tenth_digit_makes_the_number_valid()
    {
        var firstNine = FirstNineWithCheck(10, from: 100_000_000);

        for (var d = 0; d <= 9; d++)
        {
            var candidate = firstNine + (char)('0' + d);
            Assert.Equal(NhsNumber.Verdict.BadCheckDigit, NhsNumber.Check(candidate, out _));
        }
    }

    [Fact]
    public void Random_numbers_are_judged_as_the_modulus_11_rule_says()
    {
        var random = new Random(11_2026);
        var validSeen = 0;
        for (var i = 0; i < 2_000; i++)
        {
            var firstNine = random.Next(0, 1_000_000_000).ToString("D9");
            var tenth = random.Next(0, 10);
            var expectedValid = ExpectedCheckDigit(firstNine) == tenth;
            validSeen += expectedValid ? 1 : 0;

            Assert.True(expectedValid == NhsNumber.IsValid(firstNine + tenth), firstNine + tenth);
        }

        // About one in eleven of them should have been valid: the loop tested both sides.
        Assert.InRange(validSeen, 100, 300);
    }

    [Theory]
    [InlineData("943476591")]
    [InlineData("94347659190")]
    [InlineData("943 476 591")]
    [InlineData("1")]
    public void Wrong_length_is_reported(string typed) =>
        Assert.Equal(NhsNumber.Verdict.WrongLength, NhsNumber.Check(typed, out _));

    [Theory]
    [InlineData("94347659A9")]
    [InlineData("943476591O")]
    [InlineData("abcdefghij")]
    [InlineData("943.476.5919")]
    [InlineData("943/476/5919")]
    [InlineData("٩٤٣٤٧٦٥٩١٩")] // Arabic-Indic digits are not NHS number digits.
    public void Letters_and_other_characters_are_reported(string typed) =>
        Assert.Equal(NhsNumber.Verdict.NotDigits, NhsNumber.Check(typed, out _));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_typed_is_empty(string? typed)
    {
        Assert.Equal(NhsNumber.Verdict.Empty, NhsNumber.Check(typed, out var digits));
        Assert.Equal("", digits);
        Assert.False(NhsNumber.IsValid(typed));
    }

    [Theory]
    [InlineData(NhsNumber.Verdict.WrongLength)]
    [InlineData(NhsNumber.Verdict.NotDigits)]
    [InlineData(NhsNumber.Verdict.BadCheckDigit)]
    public void Every_refusal_has_an_explanation_for_the_user(NhsNumber.Verdict verdict) =>
        Assert.Contains("NHS number", NhsNumber.Describe(verdict));

    private static string FirstNineWithCheck(int check, int from)
    {
        for (var n = from; n < 1_000_000_000; n++)
        {
            var candidate = n.ToString("D9");
            if (ExpectedCheckDigit(candidate) == check)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("no such nine digits");
    }
}
