using Mash.Platform.Hosting;

namespace Mash.Custody.Domain;

/// <summary>
/// Configuration section <c>Mash:Custody</c>: per area (<c>Areas:&lt;area&gt;</c>, "default" for areas
/// not listed), the statutory clocks and the area's own limits, and the local authority node that
/// takes requests for accommodation.
/// </summary>
public sealed class CustodyOptions : AreaSettings<AreaCustodyRules>
{
    public const string Section = "Mash:Custody";

    public bool IsUsable() => Areas.Values.All(a => a.IsUsable());
}

/// <summary>The defaults are PACE's where the law sets one, and a common local rule where it does not.</summary>
public sealed record AreaCustodyRules
{
    /// <summary>PACE s40(3)(a): the first review no later than 6 hours after detention was authorised.</summary>
    public double FirstReviewHours { get; init; } = 6;

    /// <summary>PACE s40(3)(b), (c): later reviews at intervals of no more than 9 hours.</summary>
    public double ReviewIntervalHours { get; init; } = 9;

    /// <summary>Code C 3.15 says "as soon as practicable"; the area's limit before a wait is a breach.</summary>
    public double AppropriateAdultWaitHours { get; init; } = 2;

    /// <summary>How long the local authority has to answer a request for accommodation before it is listed.</summary>
    public double AccommodationAnswerHours { get; init; } = 1;

    /// <summary>How long after bail was refused a child still held needs the s38(7) certificate.</summary>
    public double CertificateDueHours { get; init; } = 4;

    /// <summary>The overnight window in local time: in custody after charge at any time in it is held overnight.</summary>
    public TimeOnly OvernightFrom { get; init; } = new(0, 0);

    public TimeOnly OvernightUntil { get; init; } = new(6, 0);

    /// <summary>Secure accommodation may be sought only for a child of this age or over (Children Act 1989 s21(2)(b), PACE s38(6)).</summary>
    public int SecureAccommodationMinimumAge { get; init; } = 12;

    /// <summary>The node of the local authority that takes requests for accommodation and knows which children it looks after; empty: none.</summary>
    public string LocalAuthorityNode { get; init; } = "";

    public TimeSpan FirstReview => TimeSpan.FromHours(FirstReviewHours);
    public TimeSpan ReviewInterval => TimeSpan.FromHours(ReviewIntervalHours);
    public TimeSpan AppropriateAdultWaitLimit => TimeSpan.FromHours(AppropriateAdultWaitHours);
    public TimeSpan AccommodationAnswerWithin => TimeSpan.FromHours(AccommodationAnswerHours);
    public TimeSpan CertificateDueAfter => TimeSpan.FromHours(CertificateDueHours);

    public bool IsUsable() =>
        FirstReviewHours is > 0 and <= 24 && ReviewIntervalHours is > 0 and <= 24
        && AppropriateAdultWaitHours is > 0 and <= 48 && AccommodationAnswerHours is > 0 and <= 48 && CertificateDueHours is > 0 and <= 72
        && SecureAccommodationMinimumAge is >= 10 and <= 17 && OvernightFrom != OvernightUntil;
}
