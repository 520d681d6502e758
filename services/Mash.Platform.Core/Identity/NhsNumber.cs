namespace Mash.Platform.Identity;

/// <summary>
/// NHS number rules: ten digits, the last a modulus-11 check digit. A computed check digit
/// of 10 means no valid number exists with those first nine digits.
/// </summary>
public static class NhsNumber
{
    public enum Verdict { Valid, Empty, WrongLength, NotDigits, BadCheckDigit }

    /// <summary>Checks a number as typed (spaces and hyphens allowed) and gives its ten digits.</summary>
    public static Verdict Check(string? input, out string digits)
    {
        digits = "";
        if (string.IsNullOrWhiteSpace(input))
        {
            return Verdict.Empty;
        }

        var compact = input.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!compact.All(char.IsAsciiDigit))
        {
            return Verdict.NotDigits;
        }

        if (compact.Length != 10)
        {
            return Verdict.WrongLength;
        }

        if (CheckDigit(compact.AsSpan(0, 9)) != compact[9] - '0')
        {
            return Verdict.BadCheckDigit;
        }

        digits = compact;
        return Verdict.Valid;
    }

    public static bool IsValid(string? input) => Check(input, out _) == Verdict.Valid;

    /// <summary>The check digit for nine digits, or 10 when no valid number has them.</summary>
    public static int CheckDigit(ReadOnlySpan<char> firstNine)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (firstNine[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        return check == 11 ? 0 : check;
    }

    public static string Describe(Verdict verdict) => verdict switch
    {
        Verdict.WrongLength => "An NHS number has exactly 10 digits.",
        Verdict.NotDigits => "An NHS number has only digits (spaces and hyphens are allowed between them).",
        Verdict.BadCheckDigit => "The NHS number's check digit is wrong: it is mistyped or not an NHS number.",
        _ => "",
    };
}
