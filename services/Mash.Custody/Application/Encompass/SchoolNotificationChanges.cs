using Mash.Contracts.Encompass.V1;
using Mash.Custody.Data;

namespace Mash.Custody.Application.Encompass;

/// <summary>The changes a notification goes through at the local authority node, each moving its version on.</summary>
internal static class SchoolNotificationChanges
{
    public static void SendToSchool(SchoolNotificationRecord notification, string urn, string name, DateTime nowUtc)
    {
        notification.SchoolUrn = urn;
        notification.SchoolName = name;
        notification.SchoolFoundAt = nowUtc;
        notification.Stage = NotificationState.WithSchool;
        Changed(notification, nowUtc);
    }

    public static void NoSchoolFound(SchoolNotificationRecord notification, string reason, DateTime nowUtc)
    {
        notification.NoSchoolReason = reason;
        notification.NoSchoolAt = nowUtc;
        notification.Stage = NotificationState.NoSchoolFound;
        Changed(notification, nowUtc);
    }

    public static void Acknowledge(SchoolNotificationRecord notification, string by, DateTime at, string supportPlanned, DateTime nowUtc)
    {
        notification.AcknowledgedBy = by;
        notification.AcknowledgedAt = at;
        notification.SupportPlanned = supportPlanned;
        notification.Stage = NotificationState.Acknowledged;
        Changed(notification, nowUtc);
    }

    private static void Changed(SchoolNotificationRecord notification, DateTime nowUtc)
    {
        notification.UpdatedAt = nowUtc;
        notification.Version++;
    }
}
