using Mash.Contracts.Common.V1;

namespace Mash.Testing.Nodes;

/// <summary>Invented children with valid NHS numbers in the 999 test range.</summary>
public static class TestChildren
{
    private static int _next = Random.Shared.Next(1_000_000, 9_000_000);

    public static ChildIdentity New(string givenName = "Kit")
    {
        while (true)
        {
            var prefix = "99" + Interlocked.Increment(ref _next).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
            var sum = prefix.Select((c, i) => (c - '0') * (10 - i)).Sum();
            var check = 11 - (sum % 11);
            if (check == 10)
            {
                continue; // No valid number has these nine digits.
            }

            return new ChildIdentity
            {
                NhsNumber = prefix + (check == 11 ? 0 : check),
                GivenName = givenName,
                FamilyName = "Testchild",
                DateOfBirth = new Date { Year = 2011, Month = 4, Day = 2 },
                Sex = Sex.Female,
            };
        }
    }
}
