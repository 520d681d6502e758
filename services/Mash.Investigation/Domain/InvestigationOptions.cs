using Mash.Platform.Hosting;

namespace Mash.Investigation.Domain;

/// <summary>
/// Configuration section <c>Mash:Investigation</c>: per area (<c>Areas:&lt;area&gt;</c>, "default" for areas not
/// listed) the times after which a high-risk child's investigation is stalled, the charging wait threshold,
/// each team's capacity and the case audit's criteria.
/// </summary>
public sealed class InvestigationOptions : AreaSettings<AreaInvestigationRules>
{
    public const string Section = "Mash:Investigation";

    /// <summary>How often stalls are looked for, for the daily high-risk list: a stall begins by the passing of time.</summary>
    public double StallCheckMinutes { get; init; } = 15;

    public bool IsUsable() => StallCheckMinutes is > 0 and <= 1_440 && Areas.Values.All(a => a.IsUsable());
}

/// <summary>
/// No statute sets these; the defaults are what the inspectorate's recommendations imply (an achieving-best-evidence
/// interview and safeguarding measures within days, supervision at least monthly) and an area changes them.
/// </summary>
public sealed record AreaInvestigationRules
{
    /// <summary>Days from opening within which the child's achieving-best-evidence interview is done.</summary>
    public double AbeInterviewDays { get; init; } = 7;

    /// <summary>Days from opening within which a safeguarding measure is in place.</summary>
    public double SafeguardingMeasureDays { get; init; } = 2;

    /// <summary>Days from a device's seizure within which it is examined.</summary>
    public double DeviceExaminationDays { get; init; } = 30;

    /// <summary>Days from opening to the first supervisory review.</summary>
    public double FirstReviewDays { get; init; } = 7;

    /// <summary>The longest a supervisor may set the next review after the last one.</summary>
    public double MaxReviewIntervalDays { get; init; } = 28;

    /// <summary>Days waiting for the prosecutor's charging decision before the file is listed.</summary>
    public double ChargingWaitDays { get; init; } = 28;

    /// <summary>Open investigations each team can carry, by team name; a team not listed has no capacity set.</summary>
    public Dictionary<string, int> TeamCapacity { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What a case audit grades against, in the area's words; empty means <see cref="DefaultAuditCriteria"/>.</summary>
    /// <remarks>Empty by default, not the defaults: the configuration binder adds to a list it finds filled.</remarks>
    public List<string> AuditCriteria { get; init; } = [];

    /// <summary>Every audit answers each of these, once.</summary>
    public IReadOnlyList<string> Criteria => AuditCriteria.Count > 0 ? AuditCriteria : DefaultAuditCriteria;

    public static readonly IReadOnlyList<string> DefaultAuditCriteria =
    [
        "Allocated to a team with the skills and capacity",
        "Plan of evidential steps with target dates",
        "Partners involved in planning where appropriate",
        "Supervisory reviews on time, evidence and further enquiries reviewed",
        "Safeguarding measures in place",
        "The child's voice recorded",
    ];

    public TimeSpan AbeInterviewWithin => TimeSpan.FromDays(AbeInterviewDays);
    public TimeSpan SafeguardingMeasureWithin => TimeSpan.FromDays(SafeguardingMeasureDays);
    public TimeSpan DeviceExaminationWithin => TimeSpan.FromDays(DeviceExaminationDays);
    public TimeSpan FirstReviewWithin => TimeSpan.FromDays(FirstReviewDays);
    public TimeSpan MaxReviewInterval => TimeSpan.FromDays(MaxReviewIntervalDays);
    public TimeSpan ChargingWaitLimit => TimeSpan.FromDays(ChargingWaitDays);

    public bool IsUsable() =>
        AbeInterviewDays is > 0 and <= 365 && SafeguardingMeasureDays is > 0 and <= 365 && DeviceExaminationDays is > 0 and <= 365
        && FirstReviewDays is > 0 and <= 90 && MaxReviewIntervalDays is > 0 and <= 180 && ChargingWaitDays is > 0 and <= 365
        && TeamCapacity.Values.All(c => c >= 0) && AuditCriteria.Count <= 30 && AuditCriteria.All(c => c.Length is > 0 and <= 200)
        && AuditCriteria.Distinct(StringComparer.OrdinalIgnoreCase).Count() == AuditCriteria.Count;
}
