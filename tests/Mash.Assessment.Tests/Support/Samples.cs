using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Identity;

namespace Mash.Assessment.Tests.Support;

/// <summary>Invented children and events; no real child's details.</summary>
internal static class Samples
{
    public const string ValidNhsNumber = "9434765919";
    private static int _next;

    /// <summary>A valid NHS number no other test uses.</summary>
    public static string UniqueNhsNumber()
    {
        while (true)
        {
            var first = (100_000_000 + Interlocked.Increment(ref _next) * 7_919).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
            var check = NhsNumber.CheckDigit(first);
            if (check < 10)
            {
                return first + check;
            }
        }
    }

    public static ChildIdentity Child(string? nhsNumber = null, int birthYear = 2011, int birthMonth = 3, int birthDay = 9, string givenName = "Amy") => new()
    {
        NhsNumber = nhsNumber ?? UniqueNhsNumber(),
        GivenName = givenName,
        FamilyName = "Example",
        DateOfBirth = new Date { Year = birthYear, Month = birthMonth, Day = birthDay },
        Sex = Sex.Female,
        Address = new Address { Lines = { "1 Test Street" }, Town = "Worcester", Postcode = "WR1 1AA" },
    };

    /// <summary>This node's MASH decided a referral: by default for a child in need assessment, two hours after receipt.</summary>
    public static ReferralDecided Referral(
        ChildIdentity? child = null, DateTimeOffset? receivedAt = null, string? referralId = null, string area = "default",
        ReferralOutcome outcome = ReferralOutcome.ChildInNeedAssessment, bool? assessmentRequired = null) => new()
    {
        ReferralId = referralId ?? "ref_" + Guid.NewGuid().ToString("N"),
        Child = child ?? Child(),
        ReceivedAt = Timestamp.FromDateTimeOffset(receivedAt ?? AssessmentApp.MondayMorning),
        Area = area,
        ConcernSummary = "Seen late at night in cars with older men; missing from home twice this month.",
        ImmediateProtectionNeeded = false,
        ReferringAgency = Agency.Education,
        Outcome = outcome,
        DecidedAt = Timestamp.FromDateTimeOffset((receivedAt ?? AssessmentApp.MondayMorning).AddHours(2)),
        AssessmentRequired = assessmentRequired ?? outcome is ReferralOutcome.ChildInNeedAssessment or ReferralOutcome.StrategyDiscussion or ReferralOutcome.ImmediateProtection,
    };

    public static RaiseCseFlagRequest Raise(ChildIdentity child, string? key = null, CseRisk risk = CseRisk.High) => new()
    {
        IdempotencyKey = key ?? "flag-" + child.NhsNumber + child.GivenName,
        Child = child,
        Risk = risk,
        Reason = "Screening banded High: missing episodes, older associates, unexplained gifts.",
        Evidence = "Missing person reports of 3 and 17 November; school welfare log.",
        LawfulBasis = LawfulBasis.SafeguardingOfChildren,
    };

    public static CseFlagChanged PartnerFlag(string flagId, FlagAction action, CseRisk risk, DateTimeOffset at) => new()
    {
        FlagId = flagId,
        Action = action,
        Risk = risk,
        Reason = "Partner's screening",
        Evidence = "Partner's records",
        ChangedBy = "partner-client (police)",
        ChangedAt = Timestamp.FromDateTimeOffset(at),
    };

    public static RiskLevelChanged PartnerLevel(RiskLevel level, DateTimeOffset at, RiskLevel previous = RiskLevel.Unspecified) => new()
    {
        AssessmentId = "asm_partner_" + Guid.NewGuid().ToString("N"),
        PreviousLevel = previous,
        Level = level,
        Rationale = "Partner's assessment",
        ChangedBy = "partner-client",
        ChangedAt = Timestamp.FromDateTimeOffset(at),
    };
}
