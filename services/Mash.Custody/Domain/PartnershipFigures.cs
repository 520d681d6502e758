using Mash.Platform.Figures;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Custody.V1;

namespace Mash.Custody.Domain;

/// <summary>One detention as the partnership's report counts it.</summary>
public sealed record ReportedDetention(
    DetentionFacts Facts,
    int AgeWhenArrested,
    LookedAfterStatus LookedAfter,
    IReadOnlyList<ReportedAnswer> Answers,
    bool Transferred,
    /// <summary>Bail refused and no request sent: the reason stated (or why it could not be sent).</summary>
    string NoRequestReason);

public sealed record ReportedAnswer(AccommodationAnswerOutcome Outcome, string RefusalReason);

/// <summary>
/// The figures the inspectorate asked the force to report to the safeguarding partnership: children
/// held and their legal and looked-after status, held overnight, what was done to find them a bed and
/// why it failed, certificates, appropriate adult waits and reviews. Each detention counts once.
/// </summary>
public static class PartnershipFigures
{
    public static CustodyReport Of(IReadOnlyList<ReportedDetention> detentions, DateTime fromUtc, DateTime toUtc, DateTime now, TimeZoneInfo zone, AreaCustodyRules rules)
    {
        var report = new CustodyReport
        {
            From = Timestamp.FromDateTime(fromUtc),
            To = Timestamp.FromDateTime(toUtc),
            ChildrenHeld = detentions.Count,
            Under17 = detentions.Count(d => Juveniles.IsUnder17(d.AgeWhenArrested)),
        };
        var waits = new List<TimeSpan>();
        foreach (var d in detentions)
        {
            var facts = d.Facts;
            Increment(report.ByLegalStatus, NameOf("CustodyLegalStatus", (int)facts.LegalStatus));
            Increment(report.ByLookedAfterStatus, NameOf("LookedAfterStatus", (int)(d.LookedAfter == LookedAfterStatus.Unspecified ? LookedAfterStatus.Unknown : d.LookedAfter)));
            if (CustodyClocks.HeldOvernight(facts, now, zone, rules))
            {
                report.HeldOvernight++;
                report.HeldOvernightUnder17 += Juveniles.IsUnder17(d.AgeWhenArrested) ? 1 : 0;
                report.HeldOvernightLookedAfter += d.LookedAfter == LookedAfterStatus.LookedAfter ? 1 : 0;
            }

            if (facts.BailRefusedAt is not null)
            {
                report.BailRefused++;
                var sent = facts.Requests.Count(r => r.Sent);
                report.AccommodationRequestsMade += sent;
                if (sent == 0)
                {
                    report.NoRequestMade++;
                    Increment(report.NoRequestReasons, d.NoRequestReason.Length > 0 ? d.NoRequestReason : "No reason recorded");
                }
            }

            report.AccommodationRequestsAnswered += d.Answers.Count;
            report.PlacesOffered += d.Answers.Count(a => a.Outcome == AccommodationAnswerOutcome.PlaceOffered);
            foreach (var refused in d.Answers.Where(a => a.Outcome == AccommodationAnswerOutcome.Refused))
            {
                report.RequestsRefused++;
                Increment(report.RefusalReasons, refused.RefusalReason);
            }

            report.Transferred += d.Transferred ? 1 : 0;
            report.CertificatesCompleted += facts.CertificateIssuedAt is not null ? 1 : 0;
            var breaches = CustodyClocks.Breaches(facts, now, rules);
            report.CertificatesMissing += breaches.Any(b => b.Kind == CustodyBreachKind.CertificateMissing) ? 1 : 0;
            report.ReviewsOverdue += breaches.Count(b => b.Kind == CustodyBreachKind.ReviewOverdue);
            report.ReviewsAsleepNotTold += breaches.Count(b => b.Kind == CustodyBreachKind.ReviewAsleepNotTold);
            report.ReviewsDone += facts.Reviews.Count;
            foreach (var adult in facts.AppropriateAdults)
            {
                var wait = CustodyClocks.Wait(adult, facts, now);
                waits.Add(wait);
                report.AppropriateAdultWaitsOverLimit += wait > rules.AppropriateAdultWaitLimit ? 1 : 0;
            }
        }

        report.AppropriateAdultsRequested = waits.Count;
        if (waits.Count > 0)
        {
            waits.Sort();
            report.AppropriateAdultWaitLongestMinutes = (long)waits[^1].TotalMinutes;
            report.AppropriateAdultWaitMedianMinutes = (long)Medians.OfSorted(waits).TotalMinutes;
        }

        return report;
    }

    private static void Increment(Google.Protobuf.Collections.MapField<string, int> counts, string key) =>
        counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;

    /// <summary>The contract's name of an enum value ("CUSTODY_LEGAL_STATUS_NOT_CHARGED"), as REST and gRPC callers see it elsewhere.</summary>
    private static string NameOf(string enumName, int value) =>
        CustodyReflection.Descriptor.FindTypeByName<EnumDescriptor>(enumName).FindValueByNumber(value)?.Name
        ?? value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
