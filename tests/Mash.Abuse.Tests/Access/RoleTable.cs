using Mash.Platform.Auth;

namespace Mash.Abuse.Tests.Access;

/// <summary>
/// Who may call what: the single table these tests hold the gateway and the services to.
/// Written from DOMAIN.md and the roles in <see cref="MashRoles"/>: partners submit referrals;
/// the MASH (police and social care) screens and decides; assessments and CSE flags are
/// managed by those who assess; missing episodes are reported by police, social care and
/// children's homes, return interviews recorded by social care, and Philomena profiles kept by
/// care providers and social care; strategy discussions by those who hold them; offenders are
/// managed by police and probation, others see a summary; juveniles' detentions are recorded by
/// custody officers, reviewed by inspectors, and requests for accommodation answered by the local
/// authority; child protection investigations are opened and worked by investigators, allocated,
/// reviewed and closed by supervisors, audited by auditors, and their figures (never a child's
/// record) read by the partnership's board too; domestic abuse incidents are recorded by police
/// officers for the children's schools, whose enrolments and queue the education safeguarding team
/// keeps, and each school reads and acknowledges its own children's notifications; dead letters are for operations.
/// </summary>
public static class RoleTable
{
    private const string Referral = "/mash.referral.v1.ReferralService/";
    private const string Assessment = "/mash.assessment.v1.AssessmentService/";
    private const string Missing = "/mash.missing.v1.MissingService/";
    private const string Strategy = "/mash.strategy.v1.StrategyDiscussionService/";
    private const string Offender = "/mash.offender.v1.OffenderService/";
    private const string Custody = "/mash.custody.v1.CustodyService/";
    private const string Investigation = "/mash.investigation.v1.InvestigationService/";
    private const string Encompass = "/mash.encompass.v1.EncompassService/";
    private const string DeadLetters = "/mash.events.v1.DeadLetterService/";
    private const string Governance = "/mash.governance.v1.GovernanceService/";
    private const string ServiceGovernance = "/mash.governance.v1.ServiceGovernance/";
    private const string Figures = "/mash.figures.v1.FiguresService/";
    private const string ServiceFigures = "/mash.figures.v1.ServiceFigures/";

    public static readonly IReadOnlyDictionary<string, string[]> AllowedRoles = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Referral + "SubmitReferral"] = [MashRoles.ReferralSubmit],
        [Referral + "GetReferral"] = [MashRoles.ReferralRead],
        [Referral + "ListReferrals"] = [MashRoles.ReferralRead],
        [Referral + "RecordScreening"] = [MashRoles.ReferralScreen],
        [Referral + "RecordDecision"] = [MashRoles.ReferralDecide],

        [Assessment + "GetAssessment"] = [MashRoles.AssessmentRead],
        [Assessment + "ListAssessments"] = [MashRoles.AssessmentRead],
        [Assessment + "GetChildRiskProfile"] = [MashRoles.AssessmentRead],
        [Assessment + "ListDailyHighRisk"] = [MashRoles.AssessmentRead],
        [Assessment + "RecordCheck"] = [MashRoles.AssessmentAssess],
        [Assessment + "CompleteAssessment"] = [MashRoles.AssessmentAssess],
        [Assessment + "ScreenCse"] = [MashRoles.AssessmentAssess],
        [Assessment + "RaiseCseFlag"] = [MashRoles.CseManage],
        [Assessment + "ReviewCseFlag"] = [MashRoles.CseManage],
        [Assessment + "ClearCseFlag"] = [MashRoles.CseManage],

        [Missing + "ReportMissing"] = [MashRoles.MissingReport],
        [Missing + "RegradeRisk"] = [MashRoles.MissingReport],
        [Missing + "RecordReturn"] = [MashRoles.MissingReport],
        [Missing + "RecordReturnInterview"] = [MashRoles.MissingInterview],
        [Missing + "GetMissingEpisode"] = [MashRoles.MissingRead],
        [Missing + "RecordPhilomenaProfile"] = [MashRoles.MissingProfile],
        [Missing + "GetPhilomenaProfile"] = [MashRoles.MissingRead],
        [Missing + "ListMissingForMeeting"] = [MashRoles.MissingRead],

        [Strategy + "GetDiscussion"] = [MashRoles.StrategyRead],
        [Strategy + "ListDiscussions"] = [MashRoles.StrategyRead],
        [Strategy + "ListOverdue"] = [MashRoles.StrategyRead],
        [Strategy + "ListOutstanding"] = [MashRoles.StrategyRead],
        [Strategy + "ListOverdueActions"] = [MashRoles.StrategyRead],
        [Strategy + "RequireDiscussion"] = [MashRoles.StrategyManage],
        [Strategy + "ScheduleDiscussion"] = [MashRoles.StrategyManage],
        [Strategy + "RecordAttendance"] = [MashRoles.StrategyManage],
        [Strategy + "ConcludeDiscussion"] = [MashRoles.StrategyManage],
        [Strategy + "CompleteAction"] = [MashRoles.StrategyManage],

        [Offender + "RegisterOffender"] = [MashRoles.OffenderManage],
        [Offender + "UpdateOffenderRisk"] = [MashRoles.OffenderManage],
        [Offender + "RecordNotification"] = [MashRoles.OffenderManage],
        [Offender + "RecordVisit"] = [MashRoles.OffenderManage],
        [Offender + "AddPreventativeMeasure"] = [MashRoles.OffenderManage],
        [Offender + "RecordMeasureBreach"] = [MashRoles.OffenderManage],
        [Offender + "LinkChild"] = [MashRoles.OffenderManage],
        [Offender + "GetOffender"] = [MashRoles.OffenderRead, MashRoles.OffenderReadSummary],
        [Offender + "ListOffendersInArea"] = [MashRoles.OffenderRead, MashRoles.OffenderReadSummary],
        [Offender + "ListNotificationBreaches"] = [MashRoles.OffenderRead],
        [Offender + "ListOverdueVisits"] = [MashRoles.OffenderRead],
        [Offender + "ListMeasures"] = [MashRoles.OffenderRead],

        [Custody + "OpenDetention"] = [MashRoles.CustodyWrite],
        [Custody + "RecordCharge"] = [MashRoles.CustodyWrite],
        [Custody + "RecordBailDecision"] = [MashRoles.CustodyWrite],
        [Custody + "RequestAccommodation"] = [MashRoles.CustodyWrite],
        [Custody + "RecordRelease"] = [MashRoles.CustodyWrite],
        [Custody + "RequestAppropriateAdult"] = [MashRoles.CustodyWrite],
        [Custody + "RecordAppropriateAdultAttended"] = [MashRoles.CustodyWrite],
        [Custody + "IssueDetentionCertificate"] = [MashRoles.CustodyWrite],
        [Custody + "RecordReview"] = [MashRoles.CustodyReview],
        [Custody + "RecordToldOnWaking"] = [MashRoles.CustodyWrite, MashRoles.CustodyReview],
        [Custody + "GetDetention"] = [MashRoles.CustodyRead],
        [Custody + "ListDetentions"] = [MashRoles.CustodyRead],
        [Custody + "ListCustodyBreaches"] = [MashRoles.CustodyRead],
        [Custody + "GetCustodyReport"] = [MashRoles.CustodyRead],
        [Custody + "ListAccommodationRequests"] = [MashRoles.CustodyAccommodate],
        [Custody + "AnswerAccommodationRequest"] = [MashRoles.CustodyAccommodate],
        [Custody + "RecordLookedAfterStatus"] = [MashRoles.CustodyAccommodate],

        [Encompass + "RecordIncident"] = [MashRoles.EncompassRecord],
        [Encompass + "GetIncident"] = [MashRoles.EncompassRecord],
        [Encompass + "ListIncidents"] = [MashRoles.EncompassRecord],
        [Encompass + "RecordEnrolment"] = [MashRoles.EncompassManage],
        [Encompass + "IdentifySchool"] = [MashRoles.EncompassManage],
        [Encompass + "RecordNoSchoolFound"] = [MashRoles.EncompassManage],
        [Encompass + "ListNotifications"] = [MashRoles.EncompassManage, MashRoles.EncompassSchool],
        [Encompass + "GetNotification"] = [MashRoles.EncompassManage, MashRoles.EncompassSchool],
        [Encompass + "AcknowledgeNotification"] = [MashRoles.EncompassSchool],

        [Investigation + "OpenInvestigation"] = [MashRoles.InvestigationWrite],
        [Investigation + "PlanStep"] = [MashRoles.InvestigationWrite],
        [Investigation + "CompleteStep"] = [MashRoles.InvestigationWrite],
        [Investigation + "RecordDeviceSeized"] = [MashRoles.InvestigationWrite],
        [Investigation + "RecordDeviceProgress"] = [MashRoles.InvestigationWrite],
        [Investigation + "SendToProsecutor"] = [MashRoles.InvestigationWrite],
        [Investigation + "RecordProsecutorResponse"] = [MashRoles.InvestigationWrite],
        [Investigation + "AllocateInvestigation"] = [MashRoles.InvestigationSupervise],
        [Investigation + "RecordSupervisoryReview"] = [MashRoles.InvestigationSupervise],
        [Investigation + "CloseInvestigation"] = [MashRoles.InvestigationSupervise],
        [Investigation + "GetInvestigation"] = [MashRoles.InvestigationRead],
        [Investigation + "ListInvestigations"] = [MashRoles.InvestigationRead],
        [Investigation + "ListStalledInvestigations"] = [MashRoles.InvestigationRead],
        [Investigation + "ListDeviceQueue"] = [MashRoles.InvestigationRead],
        [Investigation + "ListChargingWaits"] = [MashRoles.InvestigationRead],
        [Investigation + "GetTeamCapacity"] = [MashRoles.InvestigationRead, MashRoles.FiguresRead],
        [Investigation + "GetDeviceBacklog"] = [MashRoles.InvestigationRead, MashRoles.FiguresRead],
        [Investigation + "RecordCaseAudit"] = [MashRoles.InvestigationAudit],
        [Investigation + "GetAuditResults"] = [MashRoles.InvestigationAudit, MashRoles.FiguresRead],

        [DeadLetters + "ListDeadLetters"] = [MashRoles.EventsAdmin],
        [DeadLetters + "ReplayDeadLetter"] = [MashRoles.EventsAdmin],
        ["/mash.events.v1.DeliveryService/ListUnacknowledged"] = [MashRoles.EventsAdmin],

        [Governance + "ListChildAccesses"] = [MashRoles.GovernanceRead],
        [Governance + "ListDisclosures"] = [MashRoles.GovernanceRead],
        [Governance + "ExportChildRecords"] = [MashRoles.GovernanceRead],
        [Governance + "ListAgreements"] = [MashRoles.GovernanceRead],
        [Governance + "VerifyAuditChains"] = [MashRoles.AuditVerify],
        [ServiceGovernance + "ListChildAccesses"] = [MashRoles.GovernanceRead],
        [ServiceGovernance + "ListDisclosures"] = [MashRoles.GovernanceRead],
        [ServiceGovernance + "ExportChildRecords"] = [MashRoles.GovernanceRead],
        [ServiceGovernance + "ListAgreements"] = [MashRoles.GovernanceRead],
        [ServiceGovernance + "VerifyAuditChain"] = [MashRoles.AuditVerify],
        [Figures + "GetPartnershipFigures"] = [MashRoles.FiguresRead],
        [Figures + "GetPartnershipReport"] = [MashRoles.FiguresRead],
        [ServiceFigures + "GetFigures"] = [MashRoles.FiguresRead],
    };

    /// <summary>Every role a token may carry: the string constants of <see cref="MashRoles"/> that are roles, not policies.</summary>
    public static readonly IReadOnlyList<string> Roles =
    [
        .. typeof(MashRoles).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetValue(null)!)
            .Where(name => !MashRoles.AnyOf.ContainsKey(name))
            .Order(StringComparer.Ordinal),
    ];

    public static bool Allows(string method, IEnumerable<string> roles) =>
        AllowedRoles[method].Intersect(roles, StringComparer.Ordinal).Any();
}
