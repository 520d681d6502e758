using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Custody.V1;
using Mash.Contracts.Figures.V1;
using Mash.Contracts.Investigation.V1;

namespace Mash.Platform.Tests.Figures;

/// <summary>
/// Figures with every field set, each count different from its neighbours, so a value shown under the wrong field's
/// name fails the comparison rather than matching by chance.
/// </summary>
internal static class SeededFigures
{
    private static readonly DateTime From = new(2025, 12, 31, 23, 0, 0, DateTimeKind.Utc);

    public static PartnershipFigures Create()
    {
        var figures = new PartnershipFigures
        {
            From = Timestamp.FromDateTime(From),
            To = Timestamp.FromDateTime(From.AddYears(1)),
            Area = "Leeds",
            Node = "police-node",
            ProducedAt = Timestamp.FromDateTime(new DateTime(2027, 1, 2, 9, 30, 0, DateTimeKind.Utc)),
            Services = { "assessment", "custody", "investigation", "offender", "referral", "strategy" },
            Referrals = new ReferralFigures
            {
                Received = 1234,
                Stages =
                {
                    new StageTimeliness { Stage = "screening", Due = 1200, OnTime = 1100, Late = 90, OverdueNow = 10, MedianHours = 3.5 },
                    new StageTimeliness { Stage = "rag_work", Due = 1101, OnTime = 1001, Late = 81, OverdueNow = 11, MedianHours = 12.25 },
                    new StageTimeliness { Stage = "decision", Due = 1102, OnTime = 1002, Late = 82, OverdueNow = 12, MedianHours = 20.75 },
                },
            },
            Strategy = new StrategyFigures
            {
                Required = 301, Held = 290, HeldOnTime = 270, OutstandingOverdue = 7,
                MinutesReceived = { new ParticipantMinutes { Node = "health-node", Received = 280 }, new ParticipantMinutes { Node = "education-node", Received = 275 } },
            },
            Cse = new CseFigures { Raised = 88, RaisedHigh = 21, ActiveHighNow = 13 },
            Assessments = new AssessmentFigures { Completed = 410, CompletedOnTime = 377, OverdueNow = 19 },
            Offenders = new OffenderFigures { VisitsDone = 512, VisitsOverdueNow = 6 },
            Missing = new MissingFigures { Episodes = 143, InterviewsDue = 131, InterviewsOnTime = 117 },
            Custody = Custody(),
            Investigations = Investigations(),
            Encompass = new Contracts.Encompass.V1.EncompassFigures
            {
                NotificationsReceived = 212, DeliveredOnTime = 187, DeliveredLate = 14, Acknowledged = 179, NoSchoolFound = 6, AwaitingSchool = 5,
                OverdueNow = 9, AcknowledgedMedianHours = 13.5,
            },
        };
        for (var month = 0; month < 12; month++)
        {
            var name = $"2026-{month + 1:00}";
            figures.Referrals.ReceivedByMonth.Add(new MonthCount { Month = name, Count = 90 + month });
            figures.Strategy.HeldByMonth.Add(new MonthCount { Month = name, Count = 20 + month });
            figures.Cse.RaisedByMonth.Add(new MonthCount { Month = name, Count = 3 + month });
        }

        return figures;
    }

    private static CustodyReport Custody()
    {
        var custody = new CustodyReport
        {
            From = Timestamp.FromDateTime(From),
            To = Timestamp.FromDateTime(From.AddYears(1)),
            ChildrenHeld = 640, Under17 = 402, HeldOvernight = 155, HeldOvernightUnder17 = 98, HeldOvernightLookedAfter = 31,
            BailRefused = 44, AccommodationRequestsMade = 40, AccommodationRequestsAnswered = 38, PlacesOffered = 25, Transferred = 23,
            RequestsRefused = 13, NoRequestMade = 4, CertificatesCompleted = 36, CertificatesMissing = 8, AppropriateAdultsRequested = 590,
            AppropriateAdultWaitMedianMinutes = 95, AppropriateAdultWaitLongestMinutes = 1_440, AppropriateAdultWaitsOverLimit = 57,
            ReviewsDone = 720, ReviewsOverdue = 15, ReviewsAsleepNotTold = 3,
        };
        custody.ByLegalStatus.Add("CHARGED", 200);
        custody.ByLegalStatus.Add("ARRESTED", 440);
        custody.ByLookedAfterStatus.Add("LOOKED_AFTER", 61);
        custody.ByLookedAfterStatus.Add("unknown", 9);
        custody.RefusalReasons.Add("No secure bed", 9);
        custody.RefusalReasons.Add("No bed at all", 4);
        custody.NoRequestReasons.Add("Out of hours", 4);
        return custody;
    }

    private static InvestigationFigures Investigations()
    {
        var investigations = new InvestigationFigures
        {
            Opened = 233, StalledNow = 17, ReviewsOverdueNow = 5, ChargingDecisions = 61, ChargingMedianWaitDays = 18.5, ChargingWaitingOverThreshold = 9,
            Devices = new DeviceBacklog
            {
                Waiting = 142, OldestDays = 210.5, MedianWaitDays = 64.25, NotSubmitted = 27,
                ByPriority =
                {
                    new PriorityBacklog { Priority = DevicePriority.Urgent, Waiting = 12, OldestDays = 14.5 },
                    new PriorityBacklog { Priority = DevicePriority.Medium, Waiting = 130, OldestDays = 210.5 },
                },
            },
            Audits = new AuditResults(),
        };
        for (var week = 0; week < 12; week++)
        {
            investigations.Devices.Trend.Add(new BacklogWeek
            {
                WeekEnding = Timestamp.FromDateTime(new DateTime(2026, 10, 5, 0, 0, 0, DateTimeKind.Utc).AddDays(7 * week)),
                Waiting = 120 + (2 * week),
                MedianWaitDays = 50 + week + 0.5,
            });
        }

        for (var quarter = 1; quarter <= 4; quarter++)
        {
            investigations.Audits.Quarters.Add(new QuarterResults
            {
                Quarter = $"2026-Q{quarter}", Good = 10 + quarter, RequiresImprovement = 5 + quarter, Inadequate = quarter,
                Criteria = { new CriterionRate { Criterion = "voice of the child", Met = 14 + quarter, Assessed = 16 + (2 * quarter) } },
            });
        }

        return investigations;
    }
}
