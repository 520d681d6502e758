using Mash.Contracts.Custody.V1;

namespace Mash.Custody.Domain;

/// <summary>A detention's clocks as they stand at a moment: waits, reviews, the certificate, requests, the overnight window.</summary>
public static class CustodyClocks
{
    /// <summary>An appropriate adult's wait: until attended, or until the child left, or until now while the child waits.</summary>
    public static TimeSpan Wait(AdultFacts adult, DetentionFacts detention, DateTime now) =>
        (adult.AttendedAt ?? detention.Until(now)) - adult.RequestedAt;

    public static DateTime AnswerDueAt(DateTime requestedAt, AreaCustodyRules rules) => requestedAt + rules.AccommodationAnswerWithin;

    public static bool AnswerOverdue(RequestFacts request, DateTime now, AreaCustodyRules rules) =>
        request.Sent && (request.AnsweredAt ?? now) > AnswerDueAt(request.RequestedAt, rules);

    public static DateTime? CertificateDueAt(DetentionFacts detention, AreaCustodyRules rules) => detention.BailRefusedAt + rules.CertificateDueAfter;

    public static bool HeldOvernight(DetentionFacts detention, DateTime now, TimeZoneInfo zone, AreaCustodyRules rules) =>
        detention.ChargedAt is { } charged && Overnight.Meets(charged, detention.Until(now), zone, rules.OvernightFrom, rules.OvernightUntil);

    /// <summary>The next review's due time while the child is in custody; none after.</summary>
    public static DateTime? NextReviewDueAt(DetentionFacts detention, AreaCustodyRules rules) =>
        detention.InCustody ? ReviewClock.Schedule(detention.AuthorisedAt, detention.Reviews.Select(r => r.ReviewedAt), rules).NextDueAt : null;

    /// <summary>Every review done asleep has its record of the child being told on waking.</summary>
    public static bool RecordComplete(DetentionFacts detention) => detention.Reviews.All(r => !r.ChildAsleep || r.ToldOnWakingAt is not null);

    /// <summary>Everything past due in the detention, oldest due first.</summary>
    public static IReadOnlyList<CustodyBreachFact> Breaches(DetentionFacts detention, DateTime now, AreaCustodyRules rules)
    {
        var breaches = new List<CustodyBreachFact>();
        var until = detention.Until(now);
        foreach (var adult in detention.AppropriateAdults)
        {
            var wait = Wait(adult, detention, now);
            if (wait > rules.AppropriateAdultWaitLimit)
            {
                var ongoing = adult.AttendedAt is null && detention.InCustody;
                breaches.Add(new(CustodyBreachKind.AppropriateAdultWait, adult.Id, adult.RequestedAt + rules.AppropriateAdultWaitLimit,
                    wait - rules.AppropriateAdultWaitLimit, ongoing,
                    (ongoing ? "Waiting for the appropriate adult for " : adult.AttendedAt is null ? "No appropriate adult attended in " : "The appropriate adult attended after ")
                    + Hours(wait) + $" (limit {Hours(rules.AppropriateAdultWaitLimit)})."));
            }
        }

        var reviews = detention.Reviews.OrderBy(r => r.ReviewedAt).ToList();
        var (dueAt, nextDue) = ReviewClock.Schedule(detention.AuthorisedAt, reviews.Select(r => r.ReviewedAt), rules);
        for (var i = 0; i < reviews.Count; i++)
        {
            if (reviews[i].ReviewedAt > dueAt[i])
            {
                breaches.Add(new(CustodyBreachKind.ReviewOverdue, reviews[i].Id, dueAt[i], reviews[i].ReviewedAt - dueAt[i], false,
                    $"Review {i + 1} was done {Hours(reviews[i].ReviewedAt - dueAt[i])} late."));
            }

            if (reviews[i].ChildAsleep && reviews[i].ToldOnWakingAt is null)
            {
                breaches.Add(new(CustodyBreachKind.ReviewAsleepNotTold, reviews[i].Id, reviews[i].ReviewedAt, now - reviews[i].ReviewedAt, true,
                    $"Review {i + 1} was done while the child slept; no record that the child was told of it and reminded of their rights on waking."));
            }
        }

        if (detention.InCustody && now > nextDue)
        {
            breaches.Add(new(CustodyBreachKind.ReviewOverdue, "", nextDue, now - nextDue, true,
                $"Review {reviews.Count + 1} is {Hours(now - nextDue)} overdue."));
        }

        if (CertificateDueAt(detention, rules) is { } certificateDue && detention.CertificateIssuedAt is null && until > certificateDue)
        {
            breaches.Add(new(CustodyBreachKind.CertificateMissing, "", certificateDue, until - certificateDue, detention.InCustody,
                $"Held {Hours(until - detention.BailRefusedAt!.Value)} after bail was refused with no s38(7) certificate."));
        }

        foreach (var request in detention.Requests.Where(r => AnswerOverdue(r, now, rules)))
        {
            var due = AnswerDueAt(request.RequestedAt, rules);
            var ongoing = request.AnsweredAt is null;
            breaches.Add(new(CustodyBreachKind.AccommodationUnanswered, request.Id, due, (request.AnsweredAt ?? now) - due, ongoing,
                ongoing ? $"The local authority has not answered the request for accommodation in {Hours(now - request.RequestedAt)}."
                    : $"The local authority answered the request for accommodation after {Hours(request.AnsweredAt!.Value - request.RequestedAt)}."));
        }

        return [.. breaches.OrderBy(b => b.DueAt)];
    }

    /// <summary>"15 h 00 min", "45 min".</summary>
    public static string Hours(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes:00} min" : $"{Math.Max(0, (int)span.TotalMinutes)} min";
}
