using System.Text;
using Mash.Contracts.Figures.V1;
using Mash.Contracts.Investigation.V1;
using static Mash.Platform.Figures.FigureCell;
using static Mash.Platform.Figures.FigureFormat;

namespace Mash.Platform.Figures;

/// <summary>Child protection investigations: stalls, the digital device backlog and its trend, charging waits, case audits.</summary>
internal static class InvestigationSection
{
    public static void Write(StringBuilder page, InvestigationFigures? figures) =>
        FiguresReport.Section(page, "investigations", "Investigations", figures, Body);

    private static void Body(StringBuilder page, InvestigationFigures i)
    {
        var devices = i.Devices ?? new DeviceBacklog();
        var audits = i.Audits ?? new AuditResults();
        var weeks = devices.Trend.Select(w => WeekEnding(w.WeekEnding)).ToList();
        var quarters = audits.Quarters.Select(q => q.Quarter).ToList();
        page.Append("<div class=\"charts\">")
            .Append(SvgCharts.Line("chart-device-backlog", "Devices waiting for examination, by week", weeks,
                new ChartSeries("Waiting", [.. devices.Trend.Select(w => (double)w.Waiting)], SvgCharts.Blue)))
            .Append(SvgCharts.Bars("chart-audit-grades", "Case audit grades by quarter", quarters,
                new ChartSeries("Good", [.. audits.Quarters.Select(q => (double)q.Good)], SvgCharts.Green),
                new ChartSeries("Requires improvement", [.. audits.Quarters.Select(q => (double)q.RequiresImprovement)], SvgCharts.Orange),
                new ChartSeries("Inadequate", [.. audits.Quarters.Select(q => (double)q.Inadequate)], SvgCharts.Vermillion)))
            .Append("</div><div class=\"tables\">")
            .Append(new FigureTable("Investigations", "Figure", "Value")
                .Row("Opened in the period", Of("investigations.opened", i.Opened))
                .Row("Stalled now", Of("investigations.stalled_now", i.StalledNow))
                .Row("Supervisory reviews overdue now", Of("investigations.reviews_overdue_now", i.ReviewsOverdueNow))
                .Row("Charging decisions made", Of("investigations.charging_decisions", i.ChargingDecisions))
                .Row("Charging: median wait (days)", Of("investigations.charging_median_wait_days", i.ChargingMedianWaitDays))
                .Row("Charging: waiting over the threshold", Of("investigations.charging_waiting_over_threshold", i.ChargingWaitingOverThreshold)))
            .Append(Devices(devices))
            .Append(Trend(devices))
            .Append(Audits(audits))
            .Append("</div>");
    }

    private static string Devices(DeviceBacklog d)
    {
        const string at = "investigations.devices";
        var table = new FigureTable("Digital devices", "Figure", "Value")
            .Row("Submitted, not yet examined", Of($"{at}.waiting", d.Waiting))
            .Row("Oldest wait (days)", Of($"{at}.oldest_days", d.OldestDays))
            .Row("Median wait (days)", Of($"{at}.median_wait_days", d.MedianWaitDays))
            .Row("Seized, not yet submitted", Of($"{at}.not_submitted", d.NotSubmitted));
        var byPriority = new FigureTable("Devices waiting by priority", "Priority", "Waiting", "Oldest (days)");
        for (var p = 0; p < d.ByPriority.Count; p++)
        {
            var row = d.ByPriority[p];
            byPriority.Row(Humanize(row.Priority.ToString()), Of($"{at}.by_priority[{p}].waiting", row.Waiting), Of($"{at}.by_priority[{p}].oldest_days", row.OldestDays));
        }

        return table.ToString() + byPriority;
    }

    private static FigureTable Trend(DeviceBacklog d)
    {
        var table = new FigureTable("Device backlog by week", "Week ending", "Waiting", "Median wait (days)");
        for (var w = 0; w < d.Trend.Count; w++)
        {
            var week = d.Trend[w];
            table.Row(WeekEnding(week.WeekEnding), Of($"investigations.devices.trend[{w}].waiting", week.Waiting),
                Of($"investigations.devices.trend[{w}].median_wait_days", week.MedianWaitDays));
        }

        return table;
    }

    private static string Audits(AuditResults audits)
    {
        var grades = new FigureTable("Case audit grades by quarter", "Quarter", "Good", "Requires improvement", "Inadequate");
        var criteria = new FigureTable("Audit criteria met, by quarter", "Quarter and criterion", "Met", "Assessed", "Met (%)");
        for (var q = 0; q < audits.Quarters.Count; q++)
        {
            var quarter = audits.Quarters[q];
            var at = $"investigations.audits.quarters[{q}]";
            grades.Row(quarter.Quarter, Of($"{at}.good", quarter.Good), Of($"{at}.requires_improvement", quarter.RequiresImprovement), Of($"{at}.inadequate", quarter.Inadequate));
            for (var c = 0; c < quarter.Criteria.Count; c++)
            {
                var criterion = quarter.Criteria[c];
                criteria.Row($"{quarter.Quarter}: {criterion.Criterion}", Of($"{at}.criteria[{c}].met", criterion.Met),
                    Of($"{at}.criteria[{c}].assessed", criterion.Assessed), Derived(Percent(criterion.Met, criterion.Assessed)));
            }
        }

        return grades.ToString() + criteria;
    }
}
