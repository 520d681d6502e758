using Mash.Platform.Time;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Offender.V1;
using Mash.Offender.Domain;
using Mash.Platform.Identity;

namespace Mash.Offender.Tests.Support;

/// <summary>Invented offenders and children; no real person's details.</summary>
internal static class Samples
{
    private static int _next;

    public static Date Day(DateOnly day) => Dates.ToContract(day);

    /// <summary>A child with a valid NHS number no other test uses.</summary>
    public static ChildIdentity Child(string givenName = "Amy", DateOnly? born = null)
    {
        while (true)
        {
            var first = (300_000_000 + Interlocked.Increment(ref _next) * 7_919).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
            if (NhsNumber.CheckDigit(first) is var check and < 10)
            {
                return new ChildIdentity
                {
                    NhsNumber = first + check,
                    GivenName = givenName,
                    FamilyName = "Example",
                    DateOfBirth = Day(born ?? new DateOnly(2014, 5, 14)),
                    Sex = Sex.Female,
                };
            }
        }
    }

    /// <summary>A child known by name and date of birth only: an unconfirmed match.</summary>
    public static ChildIdentity UnconfirmedChild(string givenName = "Ben") => new()
    {
        GivenName = givenName,
        FamilyName = "Unverified" + Interlocked.Increment(ref _next),
        DateOfBirth = Day(new DateOnly(2016, 2, 3)),
        Sex = Sex.Male,
    };

    public static RegisterOffenderRequest Register(
        OffenderRisk risk = OffenderRisk.Medium, string area = "Worcester North", string officer = "PC 1234 Example",
        DateOnly? registeredOn = null, string pncId = "", string? key = null) => new()
        {
            IdempotencyKey = key ?? "register-" + Guid.NewGuid().ToString("N"),
            GivenName = "John",
            FamilyName = "Offender" + Interlocked.Increment(ref _next),
            DateOfBirth = Day(new DateOnly(1980, 3, 1)),
            PncId = pncId,
            MappaCategory = MappaCategory.RegisteredSexualOffender,
            MappaLevel = MappaLevel.OrdinaryAgencyManagement,
            Risk = risk,
            RiskRationale = "ARMS assessment 2026-11: medium risk of sexual reoffending.",
            NotificationRequirements = new NotificationRequirements { Applies = true },
            Address = new Address { Lines = { "12 Sample Street" }, Town = "Worcester", Postcode = "WR1 1AA" },
            Area = area,
            RegisteredOn = Day(registeredOn ?? OffenderApp.Today),
            ManagingOfficer = officer,
        };

    /// <summary>A unique PNC id in the right shape.</summary>
    public static string PncId() => $"26/{Interlocked.Increment(ref _next) + 100_000}X";
}
