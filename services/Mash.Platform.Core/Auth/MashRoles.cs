namespace Mash.Platform.Auth;

/// <summary>
/// App roles, as Entra ID app roles and local-issuer tokens carry them. The gateway's routes
/// and the services' RPCs both name these, so each call is authorized twice the same way.
/// </summary>
public static class MashRoles
{
    public const string ReferralSubmit = "Referral.Submit";
    public const string ReferralRead = "Referral.Read";
    public const string ReferralScreen = "Referral.Screen";
    public const string ReferralDecide = "Referral.Decide";

    public const string AssessmentRead = "Assessment.Read";
    public const string AssessmentAssess = "Assessment.Assess";
    public const string CseManage = "Cse.Manage";

    public const string StrategyRead = "Strategy.Read";
    public const string StrategyManage = "Strategy.Manage";

    /// <summary>Police and probation: register offenders, record visits, notifications, measures and links to children.</summary>
    public const string OffenderManage = "Offender.Manage";
    /// <summary>The full offender record: address, management detail, linked children's identities.</summary>
    public const string OffenderRead = "Offender.Read";
    /// <summary>Other agencies and neighbourhood officers: who, where and how risky, without the restricted detail.</summary>
    public const string OffenderReadSummary = "Offender.ReadSummary";

    /// <summary>Police missing-person coordinators, social care, children's homes and carers: report an episode, regrade it, record the return.</summary>
    public const string MissingReport = "Missing.Report";
    /// <summary>Return interviews: the independent interviewer's service and social care.</summary>
    public const string MissingInterview = "Missing.Interview";
    /// <summary>Episodes and the daily meeting's lists.</summary>
    public const string MissingRead = "Missing.Read";
    /// <summary>Care providers and social care: a child in care's Philomena profile.</summary>
    public const string MissingProfile = "Missing.Profile";
    /// <summary>A care provider (a children's home): reports and updates only the episodes of the children whose profile names it.</summary>
    public const string MissingCarer = "Missing.Carer";

    /// <summary>Custody officers: record a juvenile's detention, charge, bail, appropriate adults, requests for accommodation, release, certificates.</summary>
    public const string CustodyWrite = "Custody.Write";
    /// <summary>Inspectors and supervisors reviewing detention (PACE s40).</summary>
    public const string CustodyReview = "Custody.Review";
    /// <summary>Detentions, breaches and the partnership's figures.</summary>
    public const string CustodyRead = "Custody.Read";
    /// <summary>The local authority's out-of-hours team: requests for accommodation and their answers, and which children it looks after.</summary>
    public const string CustodyAccommodate = "Custody.Accommodate";

    /// <summary>Investigators: open child protection investigations, plan and complete steps, record devices and charging files.</summary>
    public const string InvestigationWrite = "Investigation.Write";
    /// <summary>Supervisors: allocate investigations, review them (evidence and further enquiries), close them.</summary>
    public const string InvestigationSupervise = "Investigation.Supervise";
    /// <summary>Investigations, the stalled cases of the daily high-risk list, the device queue and charging waits.</summary>
    public const string InvestigationRead = "Investigation.Read";
    /// <summary>Auditors: grade cases against the area's criteria, and read the results by quarter.</summary>
    public const string InvestigationAudit = "Investigation.Audit";
    /// <summary>Police officers: record domestic abuse incidents for the children's schools, and see what the schools did (Operation Encompass).</summary>
    public const string EncompassRecord = "Encompass.Record";
    /// <summary>The local authority's education safeguarding team: school enrolments, identifying schools, every notification and the overdue list.</summary>
    public const string EncompassManage = "Encompass.Manage";
    /// <summary>A school's key adult: its own children's notifications only (the school's URN is in its token).</summary>
    public const string EncompassSchool = "Encompass.School";
    /// <summary>The safeguarding partnership's board and inspectors: figures only, never a child's record.</summary>
    public const string FiguresRead = "Figures.Read";

    /// <summary>Operations: list and replay the events a service could not apply.</summary>
    public const string EventsAdmin = "Events.Admin";

    /// <summary>Data protection officers: who accessed a child's records, what was shared and under which agreement, case exports.</summary>
    public const string GovernanceRead = "Governance.Read";
    /// <summary>Operators: verify the services' audit chains.</summary>
    public const string AuditVerify = "Audit.Verify";

    /// <summary>The roles every service knows, beside its own: operations, governance and the partnership's figures.</summary>
    public static readonly IReadOnlyList<string> Platform = [EventsAdmin, GovernanceRead, AuditVerify, FiguresRead];

    public static readonly IReadOnlyList<string> Referral = [ReferralSubmit, ReferralRead, ReferralScreen, ReferralDecide, .. Platform];
    public static readonly IReadOnlyList<string> Assessment = [AssessmentRead, AssessmentAssess, CseManage, MissingReport, MissingInterview, MissingRead, MissingProfile, .. Platform];
    public static readonly IReadOnlyList<string> Strategy = [StrategyRead, StrategyManage, .. Platform];
    public static readonly IReadOnlyList<string> Offender = [OffenderManage, OffenderRead, OffenderReadSummary, .. Platform];
    public static readonly IReadOnlyList<string> Custody = [CustodyWrite, CustodyReview, CustodyRead, CustodyAccommodate, EncompassRecord, EncompassManage, EncompassSchool, .. Platform];
    public static readonly IReadOnlyList<string> Investigation = [InvestigationWrite, InvestigationSupervise, InvestigationRead, InvestigationAudit, .. Platform];

    /// <summary>A policy, not a role: either offender view; the service then shows the fields the role allows.</summary>
    public const string OffenderView = "Offender.View";

    /// <summary>A policy, not a role: a custody officer or a reviewing officer, for what either records (told on waking).</summary>
    public const string CustodyOfficer = "Custody.Officer";

    /// <summary>A policy, not a role: investigations' figures (team capacity, device backlog), for investigators and the board alike.</summary>
    public const string InvestigationFigures = "Investigation.Figures";

    /// <summary>A policy, not a role: case audit results, for auditors and the board.</summary>
    public const string AuditFigures = "Investigation.AuditFigures";

    /// <summary>A policy, not a role: either governance role, at the gateway's per-service governance routes; each call then checks its own.</summary>
    public const string GovernanceAny = "Governance.Any";

    /// <summary>A policy, not a role: a school's own notifications or the education safeguarding team's every one; the service then narrows a school to its URN.</summary>
    public const string EncompassNotifications = "Encompass.Notifications";

    /// <summary>Policies met by any one of several roles (a gateway route names one policy).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> AnyOf = new Dictionary<string, string[]>
    {
        [OffenderView] = [OffenderRead, OffenderReadSummary],
        [GovernanceAny] = [GovernanceRead, AuditVerify],
        [CustodyOfficer] = [CustodyWrite, CustodyReview],
        [InvestigationFigures] = [InvestigationRead, FiguresRead],
        [AuditFigures] = [InvestigationAudit, FiguresRead],
        [EncompassNotifications] = [EncompassSchool, EncompassManage],
    };
    /// <summary>Every role the gateway's routes may name.</summary>
    public static readonly IReadOnlyList<string> All = [.. Referral, AssessmentRead, AssessmentAssess, CseManage, StrategyRead, StrategyManage, OffenderManage, OffenderRead, OffenderReadSummary, MissingReport, MissingInterview, MissingRead, MissingProfile, MissingCarer, CustodyWrite, CustodyReview, CustodyRead, CustodyAccommodate, InvestigationWrite, InvestigationSupervise, InvestigationRead, InvestigationAudit, EncompassRecord, EncompassManage, EncompassSchool];
}
