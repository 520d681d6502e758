using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Strategy.V1;
using Mash.Platform.Identity;

namespace Mash.StrategyDiscussion.Tests.Support;

/// <summary>Invented children, people and decisions; no real child's details.</summary>
internal static class Samples
{
    private static int _next;

    /// <summary>A child with a valid NHS number no other test uses.</summary>
    public static ChildIdentity Child(string givenName = "Amy")
    {
        while (true)
        {
            var first = (200_000_000 + Interlocked.Increment(ref _next) * 7_919).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
            if (NhsNumber.CheckDigit(first) is var check and < 10)
            {
                return new ChildIdentity
                {
                    NhsNumber = first + check,
                    GivenName = givenName,
                    FamilyName = "Example",
                    DateOfBirth = new Date { Year = 2012, Month = 5, Day = 14 },
                    Sex = Sex.Female,
                };
            }
        }
    }

    public static StrategyDiscussionTriggered Trigger(ChildIdentity child, DateTimeOffset at, string? sourceId = null) => new()
    {
        Trigger = StrategyTrigger.SignificantHarmSuspected,
        SourceId = sourceId ?? "asm_" + Guid.NewGuid().ToString("N"),
        Reason = "Assessment concluded significant harm suspected: unexplained bruising.",
        Child = child,
        TriggeredAt = Timestamp.FromDateTimeOffset(at),
        Area = "default",
    };

    public static RequireDiscussionRequest Require(ChildIdentity? child, string? key = null, string follows = "") => new()
    {
        IdempotencyKey = key ?? "require-" + Guid.NewGuid().ToString("N"),
        Child = child,
        Reason = "Disclosure to the school nurse of being hit at home.",
        FollowsDiscussionId = follows,
    };

    public static Participant Attended(Agency agency, string name = "A. Person", string role = "Practitioner") =>
        new() { Agency = agency, Name = name, Role = role, Attended = true };

    public static Participant Excused(Agency agency, string reason = "Designated nurse on leave; sent a written report.") =>
        new() { Agency = agency, Name = "B. Absent", Role = "Designated nurse", Attended = false, AbsenceReason = reason };

    public static Decisions Decisions(DateTimeOffset heldAt, bool s47 = false, params TimeSpan[] actionsDueAfter) => new()
    {
        InformationShared = "Police: two call-outs to the address; health: bruising consistent with a slap.",
        S47Enquiry = s47,
        CriminalInvestigation = new CriminalInvestigation { Kind = InvestigationKind.Joint, AbeInterview = true, ConductAndTiming = "ABE interview Thursday 10:00." },
        Actions =
        {
            actionsDueAfter.Select((due, i) => new SafeguardingAction
            {
                Description = $"Action {i + 1}: visit the sibling at school",
                OwningAgency = Agency.ChildrenSocialCare,
                DueAt = Timestamp.FromDateTimeOffset(heldAt + due),
            }),
        },
        WhatTheFamilyIsTold = "Mother told of the enquiry today; her partner not until the interview.",
        ParentalPermissionSought = true,
    };

    public static ConcludeDiscussionRequest Conclude(string discussionId, Decisions decisions) => new()
    {
        DiscussionId = discussionId,
        Decisions = decisions,
        Minutes = new Minutes { Text = "Agreed a joint s47 enquiry and an ABE interview.", DocumentReference = "LCS-12345" },
    };
}
