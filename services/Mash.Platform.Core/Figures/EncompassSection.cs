using System.Text;
using Mash.Contracts.Encompass.V1;
using static Mash.Platform.Figures.FigureCell;
using static Mash.Platform.Figures.FigureFormat;

namespace Mash.Platform.Figures;

/// <summary>
/// Domestic abuse notifications to schools (mash.encompass.v1.EncompassFigures), at a local authority node: how many
/// the schools had before the school day, how many they acknowledged, and the children for whom no school was found.
/// </summary>
internal static class EncompassSection
{
    public static void Write(StringBuilder page, EncompassFigures? figures) =>
        FiguresReport.Section(page, "encompass", "Domestic abuse notifications to schools (Operation Encompass)", figures, Body);

    private static void Body(StringBuilder page, EncompassFigures e) =>
        page.Append("<div class=\"charts\">")
            .Append(SvgCharts.Bars("chart-encompass", "What became of the notifications",
                ["Received", "On time", "Late", "Acknowledged", "No school found", "Awaiting school"],
                new ChartSeries("Notifications", [e.NotificationsReceived, e.DeliveredOnTime, e.DeliveredLate, e.Acknowledged, e.NoSchoolFound, e.AwaitingSchool],
                    SvgCharts.Blue)))
            .Append("</div><div class=\"tables\">")
            .Append(new FigureTable("Notifications to schools", "Figure", "Count")
                .Row("Received from police for incidents in the period", Of("encompass.notifications_received", e.NotificationsReceived))
                .Row("With the school before the school day", Of("encompass.delivered_on_time", e.DeliveredOnTime))
                .Row("With the school, but after the school day started", Of("encompass.delivered_late", e.DeliveredLate))
                .Row("On time (%)", Derived(Percent(e.DeliveredOnTime, e.NotificationsReceived)))
                .Row("Acknowledged by the school", Of("encompass.acknowledged", e.Acknowledged))
                .Row("Median hours from incident to acknowledgement", Of("encompass.acknowledged_median_hours", e.AcknowledgedMedianHours))
                .Row("No school found (children possibly missing education)", Of("encompass.no_school_found", e.NoSchoolFound))
                .Row("Still waiting for the school to be identified", Of("encompass.awaiting_school", e.AwaitingSchool))
                .Row("Not acknowledged and past due now", Of("encompass.overdue_now", e.OverdueNow)))
            .Append("</div>");
}
