using Mash.Contracts.Encompass.V1;
using Mash.Platform.Figures;

namespace Mash.Custody.Domain.Encompass;

/// <summary>A notification as the partnership's figures count it: when the incident happened, and what became of it.</summary>
public sealed record CountedNotification(DateTime OccurredAt, NoticeFacts Facts);

/// <summary>The local authority node's figures for the partnership: sent, delivered on time, acknowledged, no school found.</summary>
public static class NotificationFigures
{
    public static EncompassFigures Of(IReadOnlyCollection<CountedNotification> notifications, DateTime nowUtc)
    {
        var figures = new EncompassFigures { NotificationsReceived = notifications.Count };
        var toAcknowledgement = new List<double>();
        foreach (var (occurredAt, facts) in notifications)
        {
            if (facts.DeliveredBy(nowUtc) is not null && facts.DeliveredOnTime)
            {
                figures.DeliveredOnTime++;
            }
            else if (facts.DeliveredBy(nowUtc) is not null)
            {
                figures.DeliveredLate++;
            }

            if (facts.AcknowledgedAt is { } acknowledged)
            {
                figures.Acknowledged++;
                toAcknowledgement.Add((acknowledged - occurredAt).TotalHours);
            }

            if (facts.NoSchoolAt is not null)
            {
                figures.NoSchoolFound++;
            }
            else if (facts.SchoolFoundAt is null)
            {
                figures.AwaitingSchool++;
            }

            if (facts.OverdueAt(nowUtc))
            {
                figures.OverdueNow++;
            }
        }

        figures.AcknowledgedMedianHours = Math.Round(Medians.Of(toAcknowledgement), 1);
        return figures;
    }
}
