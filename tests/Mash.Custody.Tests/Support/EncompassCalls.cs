using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Encompass.V1;
using Mash.Platform.Auth;

namespace Mash.Custody.Tests.Support;

/// <summary>Operation Encompass as each practitioner calls it: the police officer, the education safeguarding team, a school.</summary>
public static class EncompassCalls
{
    public const string OakfieldUrn = "131234";
    public const string RiversideUrn = "1456789";

    public static Metadata AsOfficer(this CustodyApp app) => app.As("police-response-officer", AgencyNames.Police, MashRoles.EncompassRecord);

    public static Metadata AsEducationTeam(this CustodyApp app) => app.As("education-safeguarding-team", AgencyNames.Education, MashRoles.EncompassManage);

    public static Metadata AsSchool(this CustodyApp app, string urn) =>
        app.AsWithClaims("school-" + urn, AgencyNames.Education, new Dictionary<string, object> { [MashClaims.SchoolUrn] = urn }, MashRoles.EncompassSchool);

    public static AffectedChild Affected(ChildIdentity child, bool present = true) =>
        new() { Child = child, Present = present, SawOrHeard = "Heard shouting and a door being broken; hid upstairs with a younger sibling." };

    public static RecordIncidentRequest Incident(DateTime occurredAt, params AffectedChild[] children)
    {
        var request = new RecordIncidentRequest
        {
            IdempotencyKey = CustodyApp.Key(),
            OccurredAt = CustodyApp.At(occurredAt),
            Location = "Ronkswood, Worcester",
            Summary = "Officers attended a verbal and physical argument between the mother and her partner; the partner was arrested.",
            Household = "Mother, her partner (arrested), two children",
            PoliceReference = "DA/26/118842",
            RecordedBy = "PC 4471 Hughes",
        };
        request.Children.AddRange(children);
        return request;
    }

    public static Task<Enrolment> EnrolAsync(this CustodyApp app, ChildIdentity child, string urn, string name) =>
        app.Encompass().RecordEnrolmentAsync(new RecordEnrolmentRequest
        {
            IdempotencyKey = CustodyApp.Key(), Child = child, School = new School { Urn = urn, Name = name },
            Since = new Date { Year = 2025, Month = 9, Day = 3 },
        }, app.AsEducationTeam()).ResponseAsync;

    public static async Task<IReadOnlyList<Notification>> SchoolListAsync(this CustodyApp app, string urn) =>
        (await app.Encompass().ListNotificationsAsync(new ListNotificationsRequest(), app.AsSchool(urn))).Notifications;

    public static async Task<IReadOnlyList<Notification>> TeamListAsync(this CustodyApp app, ListNotificationsRequest request) =>
        (await app.Encompass().ListNotificationsAsync(request, app.AsEducationTeam())).Notifications;
}
