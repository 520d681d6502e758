using Mash.Contracts.Common.V1;
using Mash.Platform.Identity;

namespace Mash.Testing.Nodes;

/// <summary>Invented children with valid NHS numbers in the 999 test range.</summary>
public static class TestChildren
{
    private static int _next = Random.Shared.Next(1_000_000, 9_000_000);

    public static ChildIdentity New(string givenName = "Kit")
    {
        while (true)
        {
            if (ForSerial(Interlocked.Increment(ref _next), givenName) is { } child)
            {
                return child;
            }
        }
    }

    /// <summary>
    /// The child of one serial: NHS number 99 and seven digits of the serial, wrapping round (a long benchmark makes
    /// millions of children, and an eighth digit would make a number of eleven, which the services rightly refuse);
    /// null for the nine digits no valid number has.
    /// </summary>
    public static ChildIdentity? ForSerial(long serial, string givenName = "Kit")
    {
        var prefix = "99" + (serial % 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        var check = NhsNumber.CheckDigit(prefix);
        if (check == 10)
        {
            return null;
        }

        return new ChildIdentity
        {
            NhsNumber = prefix + check,
            GivenName = givenName,
            FamilyName = "Testchild",
            DateOfBirth = new Date { Year = 2011, Month = 4, Day = 2 },
            Sex = Sex.Female,
        };
    }
}
